<# The shared adaptive rate limiter against a sandbox that allows 200 requests per second per access key:
   four runspaces (ForEach-Object -Parallel), each reading 1,000 refunds at -ThrottleLimit 16, all with one key.
   Two rows side by side: the limiter on (the default) and off (PANDAPON_ADAPTIVE_RATE=0, no -MaxRequestsPerSecond),
   each against a fresh sandbox (a new endpoint, so a new limiter). Targets with the limiter: at least 90 % of the
   limit, at most 2 % of the requests answered 429, nothing lost (every id an object or an error record).
   Run by `./build.ps1 Bench` in a child pwsh after a build. #>
param(
    [string]$Configuration = 'Release',
    [int]$Limit = 200,
    [int]$LatencyMs = 20,
    [int]$Runspaces = 4,
    [int]$PerRunspace = 1000,
    [int]$ThrottleLimit = 16
)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'build/Pandapon.Dev.psm1')
$modulePath = Join-Path $root 'out/Pandapon'
Import-Module $modulePath
$env:PANDAPON_CONFIG_DIR = Join-Path ([IO.Path]::GetTempPath()) "pandapon-bench-$PID"

function Measure-Row([string]$Name, [bool]$Adaptive) {
    $total = $Runspaces * $PerRunspace
    $sandbox = Start-PandaponSandbox -Configuration $Configuration -ArgumentList '--refunds', "$total", '--latency-ms', "$LatencyMs", '--rate-limit', "$Limit"
    $env:PANDAPON_ACCESS_KEY = $sandbox.accessKey; $env:PANDAPON_SECRET_KEY = $sandbox.secretKey
    $env:PANDAPON_USER_ID = $sandbox.userId; $env:PANDAPON_ENDPOINT = $sandbox.endpoint
    $env:PANDAPON_ADAPTIVE_RATE = if ($Adaptive) { $null } else { '0' }
    try {
        $ids = @((Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds")[0..($total - 1)])
        $chunks = for ($i = 0; $i -lt $Runspaces; $i++) { , $ids[($i * $PerRunspace)..(($i + 1) * $PerRunspace - 1)] }
        $null = Invoke-RestMethod -Method Post "$($sandbox.endpoint)/sandbox/stats/reset"
        # The clock starts when every runspace has imported the module (a barrier), so the start-up of runspaces is not
        # counted as time the limiter made the requests wait; it stops when the last runspace is done.
        $ready = [Threading.Barrier]::new($Runspaces)
        $clock = [Diagnostics.Stopwatch]::new()
        $parts = $chunks | ForEach-Object -ThrottleLimit $Runspaces -Parallel {
            Import-Module $using:modulePath
            $chunk = $_
            $clock = $using:clock
            if (($using:ready).SignalAndWait(60000)) { $clock.Start() }   # the last to arrive starts it; Start is a no-op when running
            $errors = $null
            $objects = @($chunk | Get-PandaponRefund -ThrottleLimit $using:ThrottleLimit -ErrorAction SilentlyContinue -ErrorVariable errors)
            $answered = [Collections.Generic.HashSet[string]]::new()
            foreach ($o in $objects) { $null = $answered.Add("$($o.RefundId)") }
            foreach ($e in @($errors)) { $null = $answered.Add("$($e.TargetObject)") }
            [pscustomobject]@{ Objects = $objects.Count; Errors = @($errors).Count; Lost = @($chunk | Where-Object { -not $answered.Contains($_) }).Count }
        }
        $clock.Stop()
        $stats = Invoke-RestMethod "$($sandbox.endpoint)/sandbox/stats"
        $objects = ($parts | Measure-Object Objects -Sum).Sum
        [pscustomobject]@{
            Limiter        = $Name
            Refunds        = $objects
            ErrorRecords   = ($parts | Measure-Object Errors -Sum).Sum
            Lost           = ($parts | Measure-Object Lost -Sum).Sum
            Seconds        = [math]::Round($clock.Elapsed.TotalSeconds, 2)
            PerSecond      = [math]::Round($objects / $clock.Elapsed.TotalSeconds, 1)
            OfLimit        = '{0:P1}' -f ($objects / $clock.Elapsed.TotalSeconds / $Limit)
            Requests       = $stats.total
            Answered429    = $stats.refusals.rateLimited
            Share429       = '{0:P2}' -f ($stats.refusals.rateLimited / [math]::Max(1, $stats.total))
            OfLimitValue   = $objects / $clock.Elapsed.TotalSeconds / $Limit
            Share429Value  = $stats.refusals.rateLimited / [math]::Max(1, $stats.total)
        }
    }
    finally {
        $sandbox | Stop-PandaponSandbox
        foreach ($name in 'PANDAPON_ACCESS_KEY', 'PANDAPON_SECRET_KEY', 'PANDAPON_USER_ID', 'PANDAPON_ENDPOINT', 'PANDAPON_ADAPTIVE_RATE') {
            Remove-Item "env:$name" -ErrorAction SilentlyContinue
        }
    }
}

Write-Host "$Runspaces runspaces x $PerRunspace refunds at -ThrottleLimit $ThrottleLimit, one key, sandbox --rate-limit $Limit --latency-ms $LatencyMs"
$rows = @(
    Measure-Row -Name 'adaptive (default)' -Adaptive $true
    Measure-Row -Name 'off (PANDAPON_ADAPTIVE_RATE=0)' -Adaptive $false
)
$rows | Select-Object Limiter, Refunds, ErrorRecords, Lost, Seconds, PerSecond, OfLimit, Requests, Answered429, Share429 | Format-List | Out-Host
$on = $rows[0]
$met = $on.OfLimitValue -ge 0.9 -and $on.Share429Value -le 0.02 -and $on.Lost -eq 0 -and $rows[1].Lost -eq 0
Write-Host ("With the limiter: {0} of the limit (goal >= 90 %), {1} answered 429 (goal <= 2 %), {2} lost (goal 0). {3}" -f `
    $on.OfLimit, $on.Share429, $on.Lost, $(if ($met) { 'Targets met.' } else { 'TARGETS MISSED.' }))
Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR -ErrorAction SilentlyContinue
