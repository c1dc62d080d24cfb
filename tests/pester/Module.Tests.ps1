BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $manifestPath = Join-Path $modulePath 'Pandapon.psd1'
}

Describe 'The built module' {
    It 'has a manifest that Test-ModuleManifest accepts' {
        $info = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
        $info.Name | Should -Be 'Pandapon'
        $info.CompatiblePSEditions | Should -Contain 'Core'
        $info.CompatiblePSEditions | Should -Contain 'Desktop'
    }

    It 'exports exactly the cmdlets that the manifest lists' {
        $listed = (Import-PowerShellDataFile $manifestPath).CmdletsToExport | Sort-Object
        $exported = (Get-Command -Module Pandapon -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Not -BeNullOrEmpty
        $exported | Should -Be $listed
    }

    It 'lists no wildcard in any export list' {
        $data = Import-PowerShellDataFile $manifestPath
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            @($data[$key]) -join ',' | Should -Not -Match '\*'
        }
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module Pandapon) { $approved | Should -Contain $command.Verb }
    }

    It 'imports and works in a session that already loaded the runtime System.Text.Json' {
        $result = Invoke-IsolatedPwsh -NoImport -ScriptBlock ([scriptblock]::Create(@"
            `$before = [System.Text.Json.JsonDocument]::Parse('{"a":1}').RootElement.GetProperty('a').GetInt32()
            Import-Module '$modulePath' -ErrorAction Stop -WarningVariable warnings
            `$sig = Get-PandaponSignature -AccessKey ak -SecretKey sk -Timestamp 1 -Nonce n
            [pscustomobject]@{
                Json = `$before
                JsonVersion = [System.Text.Json.JsonSerializer].Assembly.GetName().Version.Major
                Warnings = @(`$warnings).Count
                Signature = `$sig.Signature
            }
"@))
        $result.Json | Should -Be 1
        $result.JsonVersion | Should -BeGreaterOrEqual 8
        $result.Warnings | Should -Be 0
        $result.Signature | Should -Match '^[0-9A-F]{32}$'
    }
}
