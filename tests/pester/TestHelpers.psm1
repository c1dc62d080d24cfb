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

function Invoke-IsolatedPwsh {
    <# Runs a script block in a fresh pwsh with the module imported, and returns what it writes as objects
       (through JSON). -Environment adds or clears (with $null) environment variables for that child only. #>
    param(
        [Parameter(Mandatory)][scriptblock]$ScriptBlock,
        [hashtable]$Environment = @{},
        [switch]$NoImport
    )
    $import = if ($NoImport) { '' } else { "Import-Module '$(Get-TestModulePath)' -ErrorAction Stop`n" }
    $script = $import + "& { $ScriptBlock } | ConvertTo-Json -Depth 6 -Compress"
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
    $saved = @{}
    foreach ($k in $Environment.Keys) {
        $saved[$k] = [Environment]::GetEnvironmentVariable($k)
        [Environment]::SetEnvironmentVariable($k, $Environment[$k])
    }
    try {
        $pwsh = Get-PwshInvocation
        $leading = @($pwsh | Select-Object -Skip 1)
        $output = & $pwsh[0] @leading -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
        $exit = $LASTEXITCODE
    }
    finally {
        foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
    }
    $text = ($output | Where-Object { $_ -is [string] }) -join "`n"
    $errors = ($output | Where-Object { $_ -isnot [string] } | ForEach-Object { "$_" }) -join "`n"
    if ($exit -ne 0) { throw "Child pwsh exited with $exit. Output: $text $errors" }
    if ([string]::IsNullOrWhiteSpace($text)) { return }
    $text | ConvertFrom-Json
}

Export-ModuleMember -Function Get-TestModulePath, Get-TestSandbox, Invoke-IsolatedPwsh
