<# Get-PandaponOrder's listing against what a user would write without the module: a hand-signed Invoke-RestMethod
   page loop, side by side in this process against the same sandbox (10,000 orders, pages of 50, 50 ms latency), so
   the ratio survives a noisy machine. Then peak memory of a whole listing of 10,000 and of 100,000 orders, each in
   a fresh pwsh: lazy paging should keep it flat (goal: 100,000 within 20 % of 10,000).
   Run by `./build.ps1 Bench` in a child pwsh after a build. To compare two builds' memory, run it alone with
   -MemoryOnly -ModulePath <the other build's out/Pandapon>, then without -ModulePath. #>
param(
    [string]$Configuration = 'Release',
    [int]$Count = 10000,
    [int]$PageSize = 50,
    [int]$LatencyMs = 50,
    # The built module to measure (default: this tree's out/Pandapon); another build's, to compare two side by side.
    [string]$ModulePath,
    # Only the peak-memory part, at these page sizes (default: -PageSize and 20), each -MemoryRuns times.
    [switch]$MemoryOnly,
    [int[]]$MemoryPageSizes,
    [int]$MemoryRuns = 1
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'build/Pandapon.Dev.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchHelpers.psm1')
$modulePath = if ($ModulePath) { (Resolve-Path $ModulePath).Path } else { Join-Path $root 'out/Pandapon' }
Import-Module $modulePath
$env:PANDAPON_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "pandapon-bench-$PID"

function Measure-Throughput {
    $pagePath = '/v2/alibaba/order/page'; $pageBody = @{ webSite = '1688' }
    $sandbox = Start-PandaponSandbox -Configuration $Configuration -ArgumentList '--orders', "$Count", '--refunds', '0', '--latency-ms', "$LatencyMs"
    try {
        Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
        # Warm both paths once so neither pays JIT or connection set-up in the measurement.
        $null = Get-PandaponOrder -First 3
        $null = Invoke-HandSignedPageLoop -Sandbox $sandbox -Path $pagePath -Body $pageBody -PageSize 1 | Select-Object -First 1

        $moduleCount = 0; $loopCount = 0
        $module = Measure-Command { Get-PandaponOrder -PageSize $PageSize | ForEach-Object { $moduleCount++ } }
        # The module asks for no page past the total; the loop asks for one more when the last is full.
        $pages = [math]::Ceiling($moduleCount / $PageSize)
        $overlap = Measure-RequestOverlap $pages
        $loop = Measure-Command { Invoke-HandSignedPageLoop -Sandbox $sandbox -Path $pagePath -Body $pageBody -PageSize $PageSize | ForEach-Object { $loopCount++ } }
        # The sandbox lists the caller's orders only (a tenth of its fresh orders are another buyer's).
        if ($moduleCount -ne $loopCount -or $moduleCount -lt $Count * 0.8) { throw "bench: expected the same listing of most of $Count orders, module $moduleCount, loop $loopCount" }
        New-ListingComparison -Settings ([ordered]@{ Orders = $moduleCount; PageSize = $PageSize; LatencyMs = $LatencyMs }) `
            -Module $module -Loop $loop -ModuleCount $moduleCount -LoopCount $loopCount -Pages $pages -Overlap $overlap
    }
    finally {
        $sandbox | Stop-PandaponSandbox
        Clear-PandaponCredential
    }
}

function Measure-PeakMemory([int]$Orders, [int]$ListPageSize) {
    <# A whole listing of -Orders orders in a fresh pwsh (so nothing else is in its memory), counted, not kept. #>
    $sandbox = Start-PandaponSandbox -Configuration $Configuration -ArgumentList '--orders', "$Orders", '--refunds', '0'
    try {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$modulePath'
`$credential = [pscredential]::new('$($sandbox.accessKey)', (ConvertTo-SecureString '$($sandbox.secretKey)' -AsPlainText -Force))
`$n = 0
Get-PandaponOrder -Credential `$credential -UserId '$($sandbox.userId)' -Endpoint '$($sandbox.endpoint)' -PageSize $ListPageSize | ForEach-Object { `$n++ }
"`$n `$([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64) `$([GC]::GetTotalMemory(`$true))"
"@
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
        $pwsh = Get-PwshInvocation
        $leading = @($pwsh | Select-Object -Skip 1)
        $line = & $pwsh[0] @leading -NoProfile -NonInteractive -EncodedCommand $encoded
        if ($LASTEXITCODE -ne 0) { throw "bench: the listing of $Orders orders failed: $line" }
        $listed, $peak, $heap = "$line".Trim().Split(' ')
        if ([long]$listed -lt $Orders * 0.8) { throw "bench: listed $listed of $Orders orders" }
        # The managed heap after a full collection at the end tells retention (a leak) apart from the GC's own sizing.
        [pscustomobject]@{ Orders = [long]$listed; PageSize = $ListPageSize; PeakMB = [math]::Round([long]$peak / 1MB, 1); HeapAfterGcMB = [math]::Round([long]$heap / 1MB, 1) }
    }
    finally { $sandbox | Stop-PandaponSandbox }
}

if (-not $MemoryOnly) {
    Write-Host "Get-PandaponOrder against a hand-signed Invoke-RestMethod page loop: $Count orders, pages of $PageSize, $LatencyMs ms latency"
    $throughput = Measure-Throughput
    Show-ListingComparison -Cmdlet 'Get-PandaponOrder' -Items 'orders' -Measured $throughput
}

# Pages of 20 keep each answer under the 85,000 bytes above which .NET puts an array on the large object heap (an
# order is about 3 KB of JSON); pages of 50 and 100 do not, which is why the client reads bodies into pooled buffers.
Write-Host "Peak memory (working set) of a whole listing, each in a fresh pwsh ($modulePath)"
$listPageSizes = if ($MemoryPageSizes) { $MemoryPageSizes } else { $PageSize, 20 }
foreach ($listPageSize in $listPageSizes) { foreach ($run in 1..$MemoryRuns) {
    $memory = @(Measure-PeakMemory 10000 $listPageSize; Measure-PeakMemory 100000 $listPageSize)
    $memory | Format-Table -AutoSize | Out-Host
    $growth = [math]::Round(100 * ($memory[1].PeakMB / $memory[0].PeakMB - 1), 1)
    Write-Host ("Pages of {3}: 100,000 orders peak {0} MB against {1} MB for 10,000: {2} % more (goal: within 20 %)." -f $memory[1].PeakMB, $memory[0].PeakMB, $growth, $listPageSize)
} }
Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR -ErrorAction SilentlyContinue
