# The package as users get it: built like `./build.ps1 Package`, published to a temporary repository, installed with
# Install-PSResource and imported by name in a fresh pwsh. Every child pwsh gets a throw-away HOME (and XDG folders),
# so neither the user's PSResourceGet repository list nor their module folders are touched.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $root = Join-Path ([IO.Path]::GetTempPath()) ('pandapon-package-' + [Guid]::NewGuid().ToString('N'))
    $isolatedHome = Join-Path $root 'home'
    $isolated = @{
        HOME              = $isolatedHome
        XDG_DATA_HOME     = Join-Path $isolatedHome '.local/share'
        XDG_CONFIG_HOME   = Join-Path $isolatedHome '.config'
        XDG_CACHE_HOME    = Join-Path $isolatedHome '.cache'
        PANDAPON_PKG_ROOT = $root
        PANDAPON_PKG_DEV  = (Resolve-Path (Join-Path $PSScriptRoot '../../build/Pandapon.Dev.psm1')).Path
    }
    # .NET reports no LocalApplicationData folder when it does not exist, and PSResourceGet would then write its
    # repository list to the current directory.
    foreach ($folder in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME') { $null = New-Item -ItemType Directory -Force -Path $isolated[$folder] }

    $userStore = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
    $userStoreBefore = if (Test-Path $userStore) { (Get-FileHash $userStore).Hash } else { 'absent' }

    $install = Invoke-IsolatedPwsh -NoImport -Environment $isolated -ScriptBlock {
        $ProgressPreference = 'SilentlyContinue'
        Import-Module $env:PANDAPON_PKG_DEV
        $repository = Join-Path $env:PANDAPON_PKG_ROOT 'repository'
        $nupkg = New-PandaponPackage -ModulePath $env:PANDAPON_TEST_MODULE -DestinationPath $repository

        # On Linux and macOS this is under the throw-away HOME. On Windows .NET ignores HOME, so the list is
        # put back exactly as it was.
        $store = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
        $saved = if (Test-Path $store) { [IO.File]::ReadAllBytes($store) }
        try {
            Register-PSResourceRepository -Name PandaponPackageTest -Uri $repository -Trusted
            if ($IsWindows) {
                # Install-PSResource -Scope CurrentUser would write to the user's real Documents folder.
                $modules = Join-Path $env:PANDAPON_PKG_ROOT 'modules'
                $null = New-Item -ItemType Directory -Force -Path $modules
                Save-PSResource -Name Pandapon -Repository PandaponPackageTest -Path $modules -TrustRepository
            }
            else {
                Install-PSResource -Name Pandapon -Repository PandaponPackageTest -Scope CurrentUser -TrustRepository
                $modules = (Get-InstalledPSResource -Name Pandapon -Scope CurrentUser).InstalledLocation
            }
        }
        finally {
            Unregister-PSResourceRepository -Name PandaponPackageTest -ErrorAction SilentlyContinue
            if ($null -eq $saved) { Remove-Item $store -ErrorAction SilentlyContinue } else { [IO.File]::WriteAllBytes($store, $saved) }
        }
        [pscustomobject]@{ Package = $nupkg.FullName; Store = $store; Modules = $modules }
    }

    $imported = Invoke-IsolatedPwsh -NoImport -Environment ($isolated + @{
            PSModulePath = $install.Modules + [IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules') }) -ScriptBlock {
        $ProgressPreference = 'SilentlyContinue'
        $printed = @(Import-Module Pandapon *>&1)
        $approved = (Get-Verb).Verb
        $signature = Get-PandaponSignature -AccessKey 58c0201dfdf148eca63cbf6bb5e7cf03 -SecretKey 's3cr3t-key' `
            -Timestamp 1715669977082 -Nonce Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z
        # A real call from the installed copy, against the suite's sandbox.
        $sandbox = $env:PANDAPON_TEST_SANDBOX | ConvertFrom-Json
        $firstId = (Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds")[0]
        $secret = ConvertTo-SecureString $sandbox.secretKey -AsPlainText -Force
        $refund = Get-PandaponRefund $firstId -Credential ([pscredential]::new($sandbox.accessKey, $secret)) -UserId $sandbox.userId -Endpoint $sandbox.endpoint
        [pscustomobject]@{
            FirstId    = $firstId
            RefundId   = $refund.RefundId
            RefundType = $refund.GetType().FullName
            Printed    = @($printed | ForEach-Object { "$_" })
            ModuleBase = (Get-Module Pandapon).ModuleBase
            Version    = "$((Get-Module Pandapon).Version)"
            Commands   = @((Get-Command -Module Pandapon).Name)
            Unapproved = @(Get-Command -Module Pandapon | Where-Object { $approved -notcontains $_.Verb } | ForEach-Object Name)
            Signature  = $signature.Signature
            Synopsis   = (Get-Help Get-PandaponSignature).Synopsis
            About      = "$(Get-Help about_Pandapon)"
        }
    }
    $manifest = Import-PowerShellDataFile (Join-Path (Get-TestModulePath) 'Pandapon.psd1')
}

AfterAll {
    Remove-Item -Recurse -Force $root -ErrorAction SilentlyContinue
}

Describe 'The Pandapon package' {
    It 'is named after the manifest''s version, with the module, its formats and its help inside' {
        Split-Path -Leaf $install.Package | Should -Be "Pandapon.$($manifest.ModuleVersion).nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($install.Package)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        foreach ($file in 'Pandapon.psd1', 'Pandapon.dll', 'Pandapon.Format.ps1xml', 'en-US/Pandapon.dll-Help.xml', 'en-US/about_Pandapon.help.txt') {
            $entries | Should -Contain $file
        }
        $entries | Should -Not -Contain 'System.Management.Automation.dll'
    }

    It 'installs from a temporary repository without touching the user''s repository list' {
        if (-not $IsWindows) { $install.Store | Should -BeLike "$root*" }
        $install.Modules | Should -BeLike "$root*"
        Join-Path $install.Modules "Pandapon/$($manifest.ModuleVersion)/Pandapon.psd1" | Should -Exist
        $after = if (Test-Path $userStore) { (Get-FileHash $userStore).Hash } else { 'absent' }
        $after | Should -Be $userStoreBefore
    }

    It 'imports by name in a fresh pwsh, from the installed copy, printing nothing' {
        $imported.ModuleBase | Should -BeLike "$($install.Modules)*"
        $imported.Version | Should -Be $manifest.ModuleVersion
        $imported.Printed | Should -BeNullOrEmpty
    }

    It 'exports the manifest''s cmdlets, every one with an approved verb' {
        @($imported.Commands | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        $imported.Unapproved | Should -BeNullOrEmpty
    }

    It 'works as installed: Get-PandaponSignature signs, Get-Help finds the cmdlet help and about_Pandapon' {
        # printf '%s' 58c0201dfdf148eca63cbf6bb5e7cf03 1715669977082 Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z s3cr3t-key | md5sum
        $imported.Signature | Should -Be '4B4A38C03CFCEB84B8CAF068724DB5B5'
        $imported.Synopsis | Should -Match '^Computes the canonical string'
        $imported.About | Should -Match 'PANDAPON_ACCESS_KEY'
    }

    It 'works as installed: Get-PandaponRefund reads a refund from the sandbox' {
        $imported.FirstId | Should -Match '^TQ\d{17}$'
        $imported.RefundId | Should -Be $imported.FirstId
        $imported.RefundType | Should -Be 'Pandapon.Models.Refund'
    }
}
