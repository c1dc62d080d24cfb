<# Get-PandaponTaobaoRefund's paged listing against what a user would write without the module: a hand-signed
   Invoke-RestMethod page loop. Both run side by side in this one process against the same sandbox, so the ratio
   survives a noisy machine. Then memory: the peak working set of a child pwsh that lists 10,000 and one that lists
   100,000 reverse orders (the pager holds a page or two, so the two should be close).
   Run by `./build.ps1 Bench` in a child pwsh after a build. #>
param(
    [string]$Configuration = 'Release',
    [int]$Count = 10000,
    [int]$PageSize = 50,
    [int]$LatencyMs = 50
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'build/Pandapon.Dev.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchHelpers.psm1')
Import-Module (Join-Path $root 'out/Pandapon')
$env:PANDAPON_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "pandapon-bench-$PID"

function Measure-Listing {
    # The sandbox adds its four awkward records after the generated ones: list exactly $Count.
    $sandbox = Start-PandaponSandbox -Configuration $Configuration -ArgumentList '--taobao-refunds', "$($Count - 4)", '--latency-ms', "$LatencyMs"
    try {
        Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
        $null = Get-PandaponTaobaoRefund -First 3
        $moduleCount = 0; $loopCount = 0
        $module = Measure-Command { Get-PandaponTaobaoRefund -PageSize $PageSize | ForEach-Object { $moduleCount++ } }
        $pages = [math]::Ceiling($Count / $PageSize)
        $overlap = Measure-RequestOverlap $pages
        $loop = Measure-Command { Invoke-HandSignedPageLoop -Sandbox $sandbox -Path '/open/order/refund/queryList' -PageSize $PageSize | ForEach-Object { $loopCount++ } }
        if ($moduleCount -ne $Count -or $loopCount -ne $Count) { throw "bench: expected $Count reverse orders, module $moduleCount, loop $loopCount" }
        New-ListingComparison -Settings ([ordered]@{ LatencyMs = $LatencyMs; ReverseOrders = $Count; PageSize = $PageSize }) `
            -Module $module -Loop $loop -ModuleCount $moduleCount -LoopCount $loopCount -Pages $pages -Overlap $overlap
    }
    finally {
        $sandbox | Stop-PandaponSandbox
        Clear-PandaponCredential
    }
}

function Measure-PeakMemory([int]$Total) {
    <# Lists $Total reverse orders in a fresh pwsh and returns its peak working set in MB. #>
    $sandbox = Start-PandaponSandbox -Configuration $Configuration -ArgumentList '--taobao-refunds', "$($Total - 4)"
    try {
        $script = @"
Import-Module '$(Join-Path $root 'out/Pandapon')'
`$p = @{ Credential = [pscredential]::new('$($sandbox.accessKey)', (ConvertTo-SecureString '$($sandbox.secretKey)' -AsPlainText -Force)); UserId = '$($sandbox.userId)'; Endpoint = '$($sandbox.endpoint)' }
`$n = 0
Get-PandaponTaobaoRefund @p -PageSize 100 | ForEach-Object { `$n++ }
if (`$n -ne $Total) { throw "expected $Total, got `$n" }
[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
"@
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $pwsh = Get-PwshInvocation
        $leading = @($pwsh | Select-Object -Skip 1)
        $output = & $pwsh[0] @leading -NoProfile -NonInteractive -EncodedCommand $encoded
        if ($LASTEXITCODE -ne 0) { throw "bench: the child pwsh failed: $output" }
        [math]::Round([long]($output | Select-Object -Last 1) / 1MB)
    }
    finally { $sandbox | Stop-PandaponSandbox }
}

Write-Host "Get-PandaponTaobaoRefund (paged list) against a hand-signed Invoke-RestMethod page loop, $Count reverse orders, pages of $PageSize, $LatencyMs ms latency"
$speed = Measure-Listing
Show-ListingComparison -Cmdlet 'Get-PandaponTaobaoRefund' -Items 'reverse orders' -Measured $speed

$small = Measure-PeakMemory 10000
$large = Measure-PeakMemory 100000
Write-Host ("Peak working set listing 10,000: {0} MB; 100,000: {1} MB ({2:P0} more; goal: within 20 %)." -f $small, $large, (($large - $small) / $small))
Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR -ErrorAction SilentlyContinue
