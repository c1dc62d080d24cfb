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
        'Get-PandaponCredential'
        'Get-PandaponRefund'
        'Get-PandaponSignature'
        'Invoke-PandaponRequest'
        'New-PandaponRefund'
        'Receive-PandaponMessage'
        'Remove-PandaponCredential'
        'Set-PandaponCredential'
        'Submit-PandaponReturnShipment'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('PandaPon', '1688', 'Taobao', 'Refund', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/pandapon/Pandapon'
            LicenseUri   = 'https://github.com/pandapon/Pandapon/blob/main/LICENSE'
            ReleaseNotes = 'First release: credentials and signing, Get-PandaponRefund, Invoke-PandaponRequest, a local sandbox of the API.'
        }
    }
}
