@{
    # The module's version lives here and only here: Directory.Build.props reads it for the assembly,
    # and build.ps1 reads it for the package.
    ModuleVersion        = '0.1.0'
    RootModule           = 'Pandapon.dll'
    GUID                 = '5b0f3a52-7d1e-4c0b-9a61-2f4f3c7e8a10'
    Author               = 'Pandapon contributors'
    CompanyName          = 'Pandapon'
    Copyright            = '(c) Pandapon contributors. MIT License.'
    Description          = 'PowerShell cmdlets for the PandaPon OpenAPI (Taobao and 1688 purchasing): signed requests, credential profiles, typed refunds for the pipeline.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('Pandapon.Format.ps1xml')
    CmdletsToExport      = @(
        'Clear-PandaponCredential'
        'ConvertFrom-PandaponMessage'
        'ConvertTo-PandaponCsvRow'
        'Confirm-PandaponOrderReceipt'
        'Get-PandaponCredential'
        'Get-PandaponHistory'
        'Get-PandaponOrder'
        'Get-PandaponOrderLogistics'
        'Get-PandaponOrderPaymentUrl'
        'Get-PandaponRefund'
        'Get-PandaponSignature'
        'Get-PandaponTaobaoRefund'
        'Invoke-PandaponRequest'
        'New-PandaponRefund'
        'Receive-PandaponMessage'
        'Remove-PandaponCredential'
        'Send-PandaponTaobaoRefundMessage'
        'Set-PandaponCredential'
        'Stop-PandaponOrder'
        'Stop-PandaponTaobaoRefund'
        'Submit-PandaponReturnShipment'
        'Test-PandaponCredential'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('PandaPon', '1688', 'Taobao', 'Refund', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/pandapon/Pandapon'
            LicenseUri   = 'https://github.com/pandapon/Pandapon/blob/main/LICENSE'
            ReleaseNotes = 'First release.
- Credentials and signing: Set-PandaponCredential, Get-PandaponCredential, Remove-PandaponCredential, Clear-PandaponCredential, Get-PandaponSignature; profiles in an owner-only store.
- Reads: Get-PandaponRefund (1688 after-sales refunds as typed objects), Invoke-PandaponRequest (any endpoint, signed).
- Writes: New-PandaponRefund (open a 1688 refund or return) and Submit-PandaponReturnShipment (report the return waybill); every value checked before sending, never retried automatically, -WhatIf, CSV input.
- Get-PandaponHistory: the last 1,000 requests of the session (time, method, path, outcome, code, requestId, duration, attempts; never bodies or keys).
- Test-PandaponCredential: one harmless signed request says whether the key, user id and signing recipe work; -TryRecipes finds the recipe a server accepts.
- Orders: Get-PandaponOrder (1688 orders by id, or listed by status and time with automatic lazy paging: -First, -Skip, -IncludeTotalCount), Get-PandaponOrderLogistics (tracking steps), Get-PandaponOrderPaymentUrl (cashier links), Stop-PandaponOrder (cancel an unpaid order), Confirm-PandaponOrderReceipt (confirm receipt); orders pipe into Get-PandaponRefund.
- Messages: ConvertFrom-PandaponMessage (webhook bodies to typed events, duplicates recognisable by MessageId) and Receive-PandaponMessage (a local receiver that acknowledges at once).
- Taobao after-sales (reverse orders): Get-PandaponTaobaoRefund (by id, or listed with filters and lazy paging), Stop-PandaponTaobaoRefund (the buyer withdraws one), Send-PandaponTaobaoRefundMessage (a message to the seller, from CSV too).
- ConvertTo-PandaponCsvRow: rows of invariant text for Export-Csv (amounts like 149.40, times as ISO 8601 with milliseconds and offset), so a CSV sums and casts back the same in every culture.
- A local sandbox of the API for tests and runbooks.
Changed in 0.2: the default signing recipe is {AccessKey}{Timestamp}{Nonce}{SecretKey} (MD5, upper case, timestamp in milliseconds); the earlier access-key=...&key=... template stays available with -SignatureTemplate, and profiles that stored no template follow the new default. The timestamp unit (Milliseconds or Seconds) is part of the recipe: -TimestampUnit, PANDAPON_TIMESTAMP_UNIT, profiles. A batch stops at the first authentication refusal with one terminating error. A template without {SecretKey} is refused.
Changed during the preview: Set-PandaponCredential -StoreAs only saves the profile and no longer switches the session''s credentials (as Set-AWSCredential -StoreAs); Set-PandaponCredential -ProfileName makes a profile current. Removing the profile the session uses clears the session''s credentials, with a warning. Profile names compare without regard to letter case, and a store holding two names that differ only in case is refused. Get-PandaponCredential -ListAvailable is sorted by name.'
        }
    }
}
