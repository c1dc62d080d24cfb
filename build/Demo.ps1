<# The demo behind `./build.ps1 Demo`: the built module against a local sandbox, as a user would drive it.
   Runs in a child pwsh so the build process never loads Pandapon.dll. #>
param(
    [Parameter(Mandatory)][string]$ModulePath,
    [string]$Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'Pandapon.Dev.psm1')
$demoOut = Join-Path (Split-Path $ModulePath) 'demo'
$null = New-Item -ItemType Directory -Force -Path $demoOut
$env:PANDAPON_CONFIG_DIR = Join-Path $demoOut 'config'   # keep the demo's profile out of the user's store

function Show-Table {
    # Wide enough for the refund table even when the host reports a narrow console (CI, redirected output).
    param([Parameter(ValueFromPipeline)]$InputObject)
    end { $input | Format-Table -AutoSize | Out-String -Width 220 | Write-Host }
}

function Show-Step([string]$Text, [string]$Command) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
    if ($Command) { Write-Host "PS> $Command" -ForegroundColor DarkGray }
}

Show-Step 'Starting the PandaPon sandbox on 127.0.0.1 (1000 generated refunds)'
$sandbox = Start-PandaponSandbox -Configuration $Configuration -ArgumentList '--seed', '1', '--refunds', '1000'
try {
    Write-Host "Sandbox listening at $($sandbox.endpoint)"
    Import-Module $ModulePath

    Show-Step 'Credentials for this session' 'Set-PandaponCredential -AccessKey <key> -SecretKey <secret> -UserId <id> -Endpoint <sandbox>'
    Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
    Get-PandaponCredential | Show-Table

    $ids = Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds"

    Show-Step 'Ten refunds' '$ids | Select-Object -First 10 | Get-PandaponRefund'
    $ids | Select-Object -First 10 | Get-PandaponRefund | Show-Table

    $csv = Join-Path $demoOut 'refunds.csv'
    Show-Step "Every refund to CSV, in text that reads back the same in every culture" "`$ids | Get-PandaponRefund | ConvertTo-PandaponCsvRow | Export-Csv $csv"
    $elapsed = Measure-Command { $ids | Get-PandaponRefund | ConvertTo-PandaponCsvRow | Export-Csv -Path $csv -NoTypeInformation }
    Write-Host ("{0} refunds written to {1} in {2:N1} s" -f $ids.Count, $csv, $elapsed.TotalSeconds)

    Show-Step 'Waiting for the seller, largest first' "Import-Csv $csv | Where-Object Status -eq 'waitselleragree' | Sort-Object { [decimal]`$_.ApplyPayment } -Descending | Select-Object -First 10"
    Import-Csv $csv | Where-Object Status -eq 'waitselleragree' |
        Sort-Object { [decimal]$_.ApplyPayment } -Descending |
        Select-Object -First 10 RefundId, OrderId, ApplyPayment, GmtApply, ProductName | Show-Table

    Show-Step 'An unknown id is an error; the others still arrive' "'TQ00000000000000000', `$ids[0] | Get-PandaponRefund"
    'TQ00000000000000000', $ids[0] | Get-PandaponRefund -ErrorAction Continue | Show-Table

    Show-Step 'Does the server accept these credentials? One harmless request' 'Test-PandaponCredential'
    Test-PandaponCredential | Show-Table

    Show-Step 'The newest 1688 orders, one page' 'Get-PandaponOrder -First 5'
    Get-PandaponOrder -First 5 | Show-Table

    Show-Step "Orders waiting for delivery, and their refunds" "Get-PandaponOrder -Status waitbuyerreceive -First 10 | Get-PandaponRefund"
    Get-PandaponOrder -Status waitbuyerreceive -First 10 | Get-PandaponRefund |
        Select-Object RefundId, OrderId, Status, ApplyPayment, GmtApply | Show-Table

    Show-Step 'Taobao after-sales waiting for the seller' 'Get-PandaponTaobaoRefund -Status Applied -First 5'
    Get-PandaponTaobaoRefund -Status Applied -First 5 | Show-Table

    Show-Step 'What this session called' 'Get-PandaponHistory -Last 5'
    Get-PandaponHistory -Last 5 | Show-Table
}
finally {
    $sandbox | Stop-PandaponSandbox
    Write-Host ''
    Write-Host 'Sandbox stopped.'
}
