BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $sandbox = Get-TestSandbox
}

Describe 'The secret key' {
    It 'appears in no stream, no transcript and no $Error entry, even with -Verbose -Debug' {
        # A child pwsh whose secret comes from the environment, so no script text holds it.
        $result = Invoke-IsolatedPwsh -Environment @{
            PANDAPON_ACCESS_KEY = $sandbox.accessKey; PANDAPON_SECRET_KEY = $sandbox.secretKey
            PANDAPON_USER_ID = $sandbox.userId; PANDAPON_ENDPOINT = $sandbox.endpoint
            PANDAPON_CONFIG_DIR = (New-TestConfigDirectory)
        } -ScriptBlock {
            $sb = $env:PANDAPON_TEST_SANDBOX | ConvertFrom-Json
            $id = (Invoke-RestMethod "$($sb.endpoint)/sandbox/refunds")[0]
            $calls = {
                Clear-PandaponCredential
                Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $id } -Verbose -Debug | Format-List * | Out-String -Width 300
                Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = 'TQ00000000000000000' } -Verbose -Debug -ErrorAction Continue
                Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $id } -SignatureCase Lower -Verbose -Debug -ErrorAction Continue
                Set-PandaponCredential -AccessKey $env:PANDAPON_ACCESS_KEY -SecretKey (ConvertTo-SecureString $env:PANDAPON_SECRET_KEY -AsPlainText -Force) `
                    -UserId $env:PANDAPON_USER_ID -Endpoint $env:PANDAPON_ENDPOINT -StoreAs saved -Verbose -Debug -PassThru | Format-List * | Out-String -Width 300
                Get-PandaponCredential -Verbose -Debug | Format-List * | Out-String -Width 300
                Get-PandaponCredential -ListAvailable | Format-Table * | Out-String -Width 300
                Invoke-PandaponRequest /alibaba/refund/info -ProfileName saved -Body @{ refundId = $id } -Raw -Verbose -Debug | ConvertTo-Json -Depth 5
            }
            Get-EverythingShown $calls
        }

        # The secret, in no form we print.
        foreach ($text in $result.Streams, $result.Transcript, $result.Errors) {
            $text | Should -Not -BeNullOrEmpty
            $text | Should -Not -Match ([regex]::Escape($sandbox.secretKey))
        }
        # ... while the streams did carry what -Verbose and -Debug show (so the check above looked at something).
        foreach ($text in $result.Streams, $result.Transcript) {
            $text | Should -Match 'signature: \*\*\*'
            $text | Should -Match 'canonical string \(MD5, Upper, timestamp in Milliseconds\): [0-9a-f]{32}\d{13}[A-Za-z0-9]{32}\*\*\*'
            $text | Should -Match 'POST http://127\.0\.0\.1:\d+/alibaba/refund/info \(attempt 1 of 1\)'
            $text | Should -Match 'Using the credentials of the environment variables'
        }
        $result.Transcript | Should -Match 'DEBUG: '
        $result.Transcript | Should -Match 'VERBOSE: '
        $result.ErrorCount | Should -BeGreaterOrEqual 4
        $result.Errors | Should -Match 'code 40401'
        $result.Errors | Should -Match 'code 40104'
    }
}

Describe 'A password written into -Endpoint' {
    It 'is refused with an error that shows it as ***, in the message and the target' {
        $endpoint = 'https://ak:N0tInAnyError@api.pandapon.com'
        $cred = [pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
        $attempts = @(
            { Get-PandaponRefund TQ1 -Credential $cred -UserId 1 -Endpoint $endpoint }
            { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -Endpoint $endpoint -WhatIf }
        )
        foreach ($attempt in $attempts) {
            $e = $null
            try { & $attempt -ErrorAction Stop } catch { $e = $_ }
            $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidArgument,*'
            $e.Exception.Message | Should -BeLike "-Endpoint 'https://``*``*``*@api.pandapon.com' is not a valid PandaPon endpoint*"
            $e.TargetObject | Should -Be 'https://***@api.pandapon.com'
            ($e | Format-List * -Force | Out-String) + $e.Exception.ToString() | Should -Not -Match 'N0tInAnyError'
        }
    }
}
