<# What the benchmarks share: the baseline a user writes without the module, Invoke-RestMethod with each request
   signed by hand, and how many of the module's last requests were in flight together (Get-PandaponHistory). The signing is the sandbox's default recipe ({AccessKey}{Timestamp}{Nonce}{SecretKey}, MD5, upper
   hex, milliseconds), the one Start-PandaponSandbox starts it with. #>

$script:Md5 = [Security.Cryptography.MD5]::Create()
$script:NonceAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function Invoke-HandSignedRequest {
    <# One POST of $Body (a hashtable) to $Path, signed by hand; returns the envelope's data, throws on any other code. #>
    param($Sandbox, [string]$Path, [hashtable]$Body)
    $timestamp = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
    $nonce = -join (1..32 | ForEach-Object { $script:NonceAlphabet[(Get-Random -Maximum 62)] })
    $canonical = "$($Sandbox.accessKey)$timestamp$nonce$($Sandbox.secretKey)"
    $signature = [BitConverter]::ToString($script:Md5.ComputeHash([Text.Encoding]::UTF8.GetBytes($canonical))).Replace('-', '')
    $headers = @{ 'access-key' = $Sandbox.accessKey; 'timestamp' = "$timestamp"; 'nonce-str' = $nonce; 'user-id' = $Sandbox.userId; 'signature' = $signature }
    $response = Invoke-RestMethod -Method Post -Uri "$($Sandbox.endpoint)$Path" -Headers $headers `
        -ContentType 'application/json' -Body ($Body | ConvertTo-Json -Compress)
    if ($response.code -ne 200) { throw "loop: $Path $($Body | ConvertTo-Json -Compress) answered $($response.code) $($response.msg)" }
    $response.data
}

function Invoke-HandSignedPageLoop {
    <# The page loop a user writes with only Invoke-RestMethod: page 1, 2, … of $Path (with $Body's fields), one after
       another, until a short page; writes the rows (data.data). #>
    param($Sandbox, [string]$Path, [int]$PageSize, [hashtable]$Body = @{})
    $pageNo = 1
    while ($true) {
        $rows = @((Invoke-HandSignedRequest -Sandbox $Sandbox -Path $Path -Body ($Body + @{ pageNo = $pageNo; pageSize = $PageSize })).data)
        $rows
        if ($rows.Count -lt $PageSize) { break }
        $pageNo++
    }
}

function Measure-RequestOverlap {
    <# The module's last $Count requests (Get-PandaponHistory: start and duration): how many were in flight when each
       started, itself included; the mean and the most. A paged listing with n pages in flight shows about n. #>
    param([int]$Count)
    $spans = @(Get-PandaponHistory -Last $Count | ForEach-Object { [pscustomobject]@{ Start = $_.Time; End = $_.Time + $_.Duration } } | Sort-Object Start)
    $together = for ($i = 0; $i -lt $spans.Count; $i++) {
        $n = 1
        # Requests in flight together are neighbours in start order; ten back is plenty for a listing.
        for ($j = [math]::Max(0, $i - 10); $j -lt $i; $j++) { if ($spans[$j].End -gt $spans[$i].Start) { $n++ } }
        $n
    }
    $stats = $together | Measure-Object -Average -Maximum
    [pscustomobject]@{ Mean = [math]::Round($stats.Average, 2); Most = [int]$stats.Maximum }
}

function New-ListingComparison {
    <# One listing's figures, module against the hand-signed loop, as Show-ListingComparison reads them: $Settings
       (an ordered table: the item count under its name, PageSize, LatencyMs) first, then seconds, ms a page, items a
       second, pages in flight (Measure-RequestOverlap) and the ratio. #>
    param(
        [Parameter(Mandatory)][System.Collections.Specialized.OrderedDictionary]$Settings,
        [Parameter(Mandatory)][timespan]$Module, [Parameter(Mandatory)][timespan]$Loop,
        [Parameter(Mandatory)][long]$ModuleCount, [Parameter(Mandatory)][long]$LoopCount,
        [Parameter(Mandatory)][int]$Pages, [Parameter(Mandatory)]$Overlap
    )
    $figures = [ordered]@{}
    foreach ($key in $Settings.Keys) { $figures[$key] = $Settings[$key] }
    $figures.ModuleSeconds = [math]::Round($Module.TotalSeconds, 2)
    $figures.LoopSeconds = [math]::Round($Loop.TotalSeconds, 2)
    $figures.ModuleMsPerPage = [math]::Round($Module.TotalMilliseconds / $Pages, 1)
    $figures.LoopMsPerPage = [math]::Round($Loop.TotalMilliseconds / $Pages, 1)
    $figures.InFlightMean = $Overlap.Mean
    $figures.InFlightMost = $Overlap.Most
    $figures.ModulePerSecond = [math]::Round($ModuleCount / $Module.TotalSeconds)
    $figures.LoopPerSecond = [math]::Round($LoopCount / $Loop.TotalSeconds)
    $figures.Ratio = [math]::Round($Loop.TotalSeconds / $Module.TotalSeconds, 1)
    [pscustomobject]$figures
}

function Show-ListingComparison {
    <# The module's listing beside the hand-signed loop, one row each (narrow enough for an 80-column console), then
       the one-line summary with the ratio. $Measured has Module*/Loop* Seconds, MsPerPage, PerSecond, Ratio, InFlight*. #>
    param([Parameter(Mandatory)][string]$Cmdlet, [Parameter(Mandatory)][string]$Items, [Parameter(Mandatory)]$Measured)
    @(
        [pscustomobject]@{ Side = $Cmdlet; Seconds = $Measured.ModuleSeconds; MsPerPage = $Measured.ModuleMsPerPage; PerSecond = $Measured.ModulePerSecond; InFlightMean = $Measured.InFlightMean; InFlightMost = $Measured.InFlightMost }
        [pscustomobject]@{ Side = 'hand-signed loop'; Seconds = $Measured.LoopSeconds; MsPerPage = $Measured.LoopMsPerPage; PerSecond = $Measured.LoopPerSecond; InFlightMean = $null; InFlightMost = $null }
    ) | Format-Table -AutoSize | Out-Host
    Write-Host ("Module {0} s, {1} ms a page ({2} {9}/s); loop {3} s, {4} ms a page ({5}/s): {6}x the loop. Pages in flight together: {7} on average, at most {8} (at most three by design)." -f `
        $Measured.ModuleSeconds, $Measured.ModuleMsPerPage, $Measured.ModulePerSecond, $Measured.LoopSeconds, $Measured.LoopMsPerPage, $Measured.LoopPerSecond,
        $Measured.Ratio, $Measured.InFlightMean, $Measured.InFlightMost, $Items)
}

Export-ModuleMember -Function Invoke-HandSignedRequest, Invoke-HandSignedPageLoop, Measure-RequestOverlap, New-ListingComparison, Show-ListingComparison
