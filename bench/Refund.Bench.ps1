<# Get-PandaponRefund against what a user would write without the module: a hand-signed Invoke-RestMethod loop.
   Both run side by side in this one process against the same sandbox, so the ratio survives a noisy machine.
   Run by `./build.ps1 Bench` in a child pwsh after a build. #>
param(
    [string]$Configuration = 'Release',
    [int]$Count = 2000,
    [int]$ThrottleLimit = 16
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'build/Pandapon.Dev.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchHelpers.psm1')
Import-Module (Join-Path $root 'out/Pandapon')
$env:PANDAPON_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "pandapon-bench-$PID"

function Invoke-HandSignedLoop {
    <# The loop a user writes with only Invoke-RestMethod: sign each request by hand, one after another. #>
    param($Sandbox, [string[]]$Ids)
    foreach ($id in $Ids) { Invoke-HandSignedRequest -Sandbox $Sandbox -Path '/alibaba/refund/info' -Body @{ refundId = $id } }
}

function Measure-Both([int]$LatencyMs) {
    $sandbox = Start-PandaponSandbox -Configuration $Configuration -ArgumentList '--refunds', "$Count", '--latency-ms', "$LatencyMs"
    try {
        Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
        $ids = (Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds")[0..($Count - 1)]   # IRM returns the JSON array as one object
        # Warm both paths once so neither pays JIT or connection set-up in the measurement.
        $null = $ids[0..3] | Get-PandaponRefund -ThrottleLimit $ThrottleLimit
        $null = Invoke-HandSignedLoop -Sandbox $sandbox -Ids $ids[0..3]

        $moduleCount = 0; $loopCount = 0
        $module = Measure-Command { $ids | Get-PandaponRefund -ThrottleLimit $ThrottleLimit | ForEach-Object { $moduleCount++ } }
        $loop = Measure-Command { Invoke-HandSignedLoop -Sandbox $sandbox -Ids $ids | ForEach-Object { $loopCount++ } }
        if ($moduleCount -ne $ids.Count -or $loopCount -ne $ids.Count) { throw "bench: expected $($ids.Count) refunds, module $moduleCount, loop $loopCount" }
        [pscustomobject]@{
            LatencyMs          = $LatencyMs
            Refunds            = $ids.Count
            ModuleSeconds      = [math]::Round($module.TotalSeconds, 2)
            LoopSeconds        = [math]::Round($loop.TotalSeconds, 2)
            ModulePerSecond    = [math]::Round($ids.Count / $module.TotalSeconds)
            LoopPerSecond      = [math]::Round($ids.Count / $loop.TotalSeconds)
            Ratio              = [math]::Round($loop.TotalSeconds / $module.TotalSeconds, 1)
        }
    }
    finally {
        $sandbox | Stop-PandaponSandbox
        Clear-PandaponCredential
    }
}

Write-Host "Get-PandaponRefund -ThrottleLimit $ThrottleLimit against a hand-signed Invoke-RestMethod loop, $Count refunds"
$results = @(
    Measure-Both -LatencyMs 50
    Measure-Both -LatencyMs 0
)
$results | Format-Table -AutoSize | Out-Host
Write-Host ("At 50 ms: {0}x the loop (goal >= 14x, limit 16x). At 0 ms: {1}x the loop (goal >= 3x)." -f $results[0].Ratio, $results[1].Ratio)
Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR -ErrorAction SilentlyContinue
