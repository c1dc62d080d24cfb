# Imported by every *.Tests.ps1: what the runner (Invoke-PesterSuite.ps1) set up for this run.
Set-StrictMode -Version 3
Import-Module (Join-Path $PSScriptRoot '../../build/Pandapon.Dev.psm1')

function Get-TestModulePath {
    if (-not $env:PANDAPON_TEST_MODULE) { throw 'PANDAPON_TEST_MODULE is not set: run the suite with ./build.ps1 Test.' }
    $env:PANDAPON_TEST_MODULE
}

function Get-TestSandbox {
    <# The sandbox the runner started: endpoint, accessKey, secretKey, userId. #>
    if (-not $env:PANDAPON_TEST_SANDBOX) { throw 'PANDAPON_TEST_SANDBOX is not set: run the suite with ./build.ps1 Test.' }
    $env:PANDAPON_TEST_SANDBOX | ConvertFrom-Json
}


# Functions every child pwsh of Invoke-IsolatedPwsh has.
$script:ChildHelpers = @'
function Get-EverythingShown([scriptblock]$Calls) {
    <# Runs $Calls twice: once to the host under a transcript (which records every stream), once with every stream
       captured; returns that text, the transcript and every $Error entry formatted in full, to search for a secret. #>
    $transcript = Join-Path ([IO.Path]::GetTempPath()) "pandapon-transcript-$PID-$([guid]::NewGuid().ToString('N')).txt"
    $null = Start-Transcript -Path $transcript
    & $Calls
    $null = Stop-Transcript
    $streams = & $Calls *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ | Format-List * -Force | Out-String -Width 300 } else { "$_" } }
    $errors = foreach ($e in $Error) {
        $e | Format-List * -Force | Out-String -Width 300
        $e.Exception | Format-List * -Force | Out-String -Width 300
        $e.Exception.ToString()
        $e.InvocationInfo | Format-List * | Out-String -Width 300
        if ($e.ErrorDetails) { $e.ErrorDetails | Format-List * | Out-String -Width 300 }
    }
    [pscustomobject]@{
        Streams = $streams -join "`n"
        Transcript = Get-Content -Raw $transcript
        Errors = $errors -join "`n"
        ErrorCount = $Error.Count
    }
    Remove-Item $transcript
}
'@

function Invoke-IsolatedPwsh {
    <# Runs a script block in a fresh pwsh with the module imported, and returns what it writes as objects
       (through JSON). -Environment adds or clears (with $null) environment variables for that child only. #>
    param(
        [Parameter(Mandatory)][scriptblock]$ScriptBlock,
        [hashtable]$Environment = @{},
        [switch]$NoImport
    )
    $import = if ($NoImport) { '' } else { "Import-Module '$(Get-TestModulePath)' -ErrorAction Stop`n" }
    $script = $import + $script:ChildHelpers + "`n& { $ScriptBlock } | ConvertTo-Json -Depth 6 -Compress"
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
    $saved = [hashtable]::new([StringComparer]::Ordinal)   # environment names are case-sensitive on Linux
    foreach ($k in $Environment.Keys) {
        $saved[$k] = [Environment]::GetEnvironmentVariable($k)
        # PowerShell passes $null to a .NET string parameter as '' (which leaves the variable set and empty on Linux);
        # [NullString]::Value is a real null, which removes it.
        [Environment]::SetEnvironmentVariable($k, $(if ($null -eq $Environment[$k]) { [NullString]::Value } else { $Environment[$k] }))
    }
    try {
        $pwsh = Get-PwshInvocation
        $leading = @($pwsh | Select-Object -Skip 1)
        $output = & $pwsh[0] @leading -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        $exit = $LASTEXITCODE
    }
    finally {
        foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $(if ($null -eq $saved[$k]) { [NullString]::Value } else { $saved[$k] })) }
    }
    $text = ($output | Where-Object { $_ -is [string] }) -join "`n"
    $errors = ($output | Where-Object { $_ -isnot [string] } | ForEach-Object { "$_" }) -join "`n"
    if ($exit -ne 0) { throw "Child pwsh exited with $exit. Output: $text $errors" }
    if ([string]::IsNullOrWhiteSpace($text)) { return }
    $text | ConvertFrom-Json
}

$script:StubApiSource = @'
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PandaponTests
{
    /// <summary>A loopback HTTP server that answers with one fixed status and the bodies in turn (the last one from then on).</summary>
    public sealed class StubApi : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly byte[][] _bodies;
        private readonly int _status;
        private readonly string _contentType;
        private int _requests;

        private StubApi(HttpListener listener, int port, string[] bodies, int status, string contentType)
        {
            _listener = listener;
            Endpoint = "http://127.0.0.1:" + port;
            _bodies = Array.ConvertAll(bodies, Encoding.UTF8.GetBytes);
            _status = status;
            _contentType = contentType;
        }

        public string Endpoint { get; }
        public int Requests => Volatile.Read(ref _requests);

        public static StubApi Start(string[] bodies, int status, string contentType)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            listener.Start();
            var stub = new StubApi(listener, port, bodies, status, contentType);
            Task.Run(stub.Serve);
            return stub;
        }

        private async Task Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }
                int request = Interlocked.Increment(ref _requests) - 1;
                byte[] body = _bodies[Math.Min(request, _bodies.Length - 1)];
                context.Response.StatusCode = _status;
                context.Response.ContentType = _contentType;
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body, 0, body.Length);
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}
'@

function Start-StubApi {
    <# A loopback server answering with -Body (status -Status): for response shapes the sandbox has no endpoint for
       (a top-level array, an HTML page). Several bodies answer the requests in turn, the last one from then on.
       Dispose() it when done. #>
    param(
        [Parameter(Mandatory)][string[]]$Body,
        [int]$Status = 200,
        [string]$ContentType = 'application/json;charset=UTF-8'
    )
    if (-not ('PandaponTests.StubApi' -as [type])) { Add-Type -TypeDefinition $script:StubApiSource }
    [PandaponTests.StubApi]::Start([string[]]$Body, $Status, $ContentType)
}

function Get-SandboxStats {
    <# The sandbox's request counters (unsigned GET /sandbox/stats). #>
    param([Parameter(Mandatory)]$Sandbox)
    Invoke-RestMethod -Uri "$($Sandbox.endpoint)/sandbox/stats"
}

function New-TestConfigDirectory {
    <# A fresh, empty profile-store directory under the temp folder (removed by the caller). #>
    $path = Join-Path ([IO.Path]::GetTempPath()) ('pandapon-test-' + [Guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $path
    $path
}

Export-ModuleMember -Function Get-TestModulePath, Get-TestSandbox, Invoke-IsolatedPwsh, Start-StubApi, Get-SandboxStats, New-TestConfigDirectory
