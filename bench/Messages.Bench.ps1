<# The receiver under load (issue 14): the sandbox pushes -Count messages at -Rate a second to Receive-PandaponMessage.
   Reports messages written per second, the sandbox's acknowledgement latency (p50, p99, max; PandaPon allows 1,000 ms),
   first-attempt acknowledgements, and checks that the pipeline got each distinct message exactly once.
   Run by `./build.ps1 Bench` in a child pwsh after a build. #>
param(
    [string]$Configuration = 'Release',
    [int]$Count = 5000,
    [int]$Rate = 200
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'build/Pandapon.Dev.psm1')
Import-Module (Join-Path $root 'out/Pandapon')

$listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
$listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
$prefix = "http://127.0.0.1:$port/pandapon/"
$sandbox = Start-PandaponSandbox -Configuration $Configuration -ArgumentList '--refunds', '10', '--callback-url', $prefix, '--callback-retry-seconds', '2'
$session = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
$session.ImportPSModule((Join-Path $root 'out/Pandapon'))
$ps = [powershell]::Create($session)
try {
    $null = $ps.AddCommand('Receive-PandaponMessage').AddParameter('Prefix', $prefix)
    $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $clock = [Diagnostics.Stopwatch]::new()
    $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
    $noInput.Complete()   # else the cmdlet waits for pipeline input to end before it starts
    $handle = $ps.BeginInvoke($noInput, $output)
    for ($i = 0; ; $i++) {
        try { $null = Invoke-WebRequest $prefix -SkipHttpErrorCheck; break } catch { if ($i -gt 100) { throw } Start-Sleep -Milliseconds 100 }
    }

    $clock.Start()
    $null = Invoke-RestMethod -Method Post "$($sandbox.endpoint)/sandbox/messages/burst" -ContentType 'application/json' `
        -Body (@{ count = $Count; rate = $Rate; seed = 1 } | ConvertTo-Json -Compress)
    # Polled every 100 ms: the time the pipeline's count last grew is when the last message was written.
    $lastCount = 0; $lastWrite = 0.0
    do {
        Start-Sleep -Milliseconds 100
        if ($output.Count -gt $lastCount) { $lastCount = $output.Count; $lastWrite = $clock.Elapsed.TotalSeconds }
        $list = if ($clock.Elapsed.TotalSeconds -ge $Count / $Rate) { Invoke-RestMethod "$($sandbox.endpoint)/sandbox/messages" }
    } while (-not $list -or $list.pushed -lt $Count -or $list.pending -gt 0)
    $elapsed = $clock.Elapsed.TotalSeconds
    $ps.Stop()

    $latencies = @($list.messages | Where-Object { $_.state -eq 'acknowledged' -and $_.attempts -eq 1 } | ForEach-Object ackMilliseconds | Sort-Object)
    function Get-Percentile([double[]]$Sorted, [double]$P) { if ($Sorted.Count -eq 0) { return $null } $Sorted[[math]::Min($Sorted.Count - 1, [math]::Ceiling($P * $Sorted.Count) - 1)] }
    $expected = @($list.messages.envelope | ConvertFrom-PandaponMessage | ForEach-Object MessageId | Sort-Object -Unique)
    $got = @($output | ForEach-Object MessageId)
    $unique = @($got | Sort-Object -Unique)
    [pscustomobject]@{
        Pushed              = $list.pushed
        Acknowledged        = $list.acknowledged
        Failed              = $list.failed
        FirstAttemptAcks    = $latencies.Count
        DistinctMessages    = $expected.Count
        Written             = $got.Count
        WrittenTwice        = $got.Count - $unique.Count
        Lost                = @($expected | Where-Object { $_ -notin $unique }).Count
        MessagesPerSecond   = [math]::Round($got.Count / [math]::Max(0.001, $lastWrite), 1)
        AckP50Ms            = Get-Percentile $latencies 0.50
        AckP99Ms            = Get-Percentile $latencies 0.99
        AckMaxMs            = if ($latencies) { $latencies[-1] } else { $null }
        Seconds             = [math]::Round($elapsed, 1)
    } | Format-List | Out-Host
    if ($got.Count -ne $expected.Count -or $unique.Count -ne $expected.Count -or $list.failed -gt 0) {
        throw "Messages bench: the pipeline did not get each message exactly once (expected $($expected.Count), wrote $($got.Count), distinct $($unique.Count), failed $($list.failed))."
    }
}
finally {
    $ps.Dispose()
    $sandbox | Stop-PandaponSandbox
}
