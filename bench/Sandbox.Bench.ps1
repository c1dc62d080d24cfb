<#
.SYNOPSIS
    Measures the sandbox: signed POST /alibaba/refund/info requests per second, latency 0, no faults.
.DESCRIPTION
    Starts a sandbox, runs bench/SandboxLoad (a raw-socket HTTP/1.1 client that signs every request with the
    module's RequestSigner and keeps -Concurrency requests in flight) for -Requests requests after a warm-up,
    and prints the rate. Fails if any answer was not a success. The goal is at least 5,000 requests a second
    on a 2-core machine; a lower figure is a warning only, because a shared machine can be busy.
    Run by `./build.ps1 Bench`, or alone after `./build.ps1 Build`.
.EXAMPLE
    dotnet pwsh bench/Sandbox.Bench.ps1 -Configuration Release -Requests 50000
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release',
    [ValidateRange(1, 10000000)]
    [int]$Requests = 30000,
    [ValidateRange(1, 1024)]
    [int]$Concurrency = 64
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
Import-Module (Join-Path $PSScriptRoot '../build/Pandapon.Dev.psm1') -Force

$goal = 5000
$load = Join-Path $PSScriptRoot "SandboxLoad/bin/$Configuration/net10.0/SandboxLoad.dll"
if (-not (Test-Path $load)) {
    & dotnet build (Join-Path $PSScriptRoot 'SandboxLoad/SandboxLoad.csproj') -c $Configuration --nologo --verbosity quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building bench/SandboxLoad failed." }
}

$sandbox = Start-PandaponSandbox -Configuration $Configuration
$savedSecret = $env:PANDAPON_SECRET_KEY
try {
    $env:PANDAPON_SECRET_KEY = $sandbox.secretKey
    $line = & dotnet $load --endpoint $sandbox.endpoint --access-key $sandbox.accessKey --user-id $sandbox.userId `
        --requests $Requests --concurrency $Concurrency --warmup ([Math]::Min(5000, $Requests))
    $exit = $LASTEXITCODE
    $result = $line | Select-Object -Last 1 | ConvertFrom-Json
    $stats = Invoke-RestMethod "$($sandbox.endpoint)/sandbox/stats"

    [pscustomobject]@{
        Benchmark         = 'Sandbox: signed refund requests'
        Requests          = $result.requests
        Concurrency       = $result.concurrency
        Seconds           = $result.seconds
        RequestsPerSecond = $result.requestsPerSecond
        Failures          = $result.failures
        SandboxSucceeded  = $stats.succeeded
        Processors        = [Environment]::ProcessorCount
    } | Format-List | Out-Host

    if ($exit -ne 0 -or $result.failures -gt 0) { throw "Sandbox bench: $($result.failures) of the answers were not successes." }
    if ($result.requestsPerSecond -lt $goal) {
        Write-Warning "Sandbox bench: $($result.requestsPerSecond) requests/s is below the goal of $goal/s (is the machine busy?)."
    }
}
finally {
    $env:PANDAPON_SECRET_KEY = $savedSecret
    $sandbox | Stop-PandaponSandbox
}
