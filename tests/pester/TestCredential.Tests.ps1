# Test-PandaponCredential against the sandbox: one harmless request says whether the key, user id and recipe work.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Main = Get-TestSandbox
    $script:Extra = Start-PandaponSandboxSet -Configuration $env:PANDAPON_TEST_CONFIGURATION -ArgumentLists @{
        seconds = @('--refunds', '2', '--timestamp-unit', 'Seconds')
    }
    $script:Seconds = $Extra.seconds
    $script:Keys = @{ AccessKey = $Main.accessKey; UserId = $Main.userId; Endpoint = $Main.endpoint }
    function Use-Credential($Sandbox, [string]$Secret = $Sandbox.secretKey) {
        Set-PandaponCredential -AccessKey $Sandbox.accessKey -SecretKey $Secret -UserId $Sandbox.userId -Endpoint $Sandbox.endpoint
    }
}

AfterAll {
    if ($script:Extra) { $script:Extra.Values | Stop-PandaponSandbox }
    Clear-PandaponCredential
}

Describe 'Test-PandaponCredential' {
    It 'accepts the right key, and says which credentials and recipe it used' {
        Use-Credential $Main
        $r = Test-PandaponCredential
        $r.Accepted | Should -BeTrue
        $r.Source | Should -Be 'Session'
        $r.Endpoint | Should -Be $Main.endpoint
        $r.SignatureTemplate | Should -Be '{AccessKey}{Timestamp}{Nonce}{SecretKey}'
        $r.TimestampUnit | Should -Be 'Milliseconds'
        $r.Code | Should -Be 40401   # the probe's refund does not exist: past authentication
        $r.RequestId | Should -Match '^[0-9a-f]{32}$'
        $r.ClockSkew | Should -Not -BeNullOrEmpty
        [Math]::Abs($r.ClockSkew.TotalSeconds) | Should -BeLessOrEqual 5
    }

    It 'does not accept a wrong secret, and the hint says what to do; the secret appears nowhere' {
        Use-Credential $Main -Secret 'not-the-secret-at-all'
        $r = Test-PandaponCredential
        $r.Accepted | Should -BeFalse
        $r.Code | Should -Be 40104
        $r.Hint | Should -BeLike '*secret key*-TryRecipes*'
        ($r | Format-List * | Out-String) | Should -Not -Match 'not-the-secret-at-all'
    }

    It '-Quiet gives a bool' {
        Use-Credential $Main
        Test-PandaponCredential -Quiet | Should -BeExactly $true
        Use-Credential $Main -Secret 'wrong'
        $quiet = Test-PandaponCredential -Quiet
        $quiet | Should -BeOfType [bool]
        $quiet | Should -BeFalse
    }

    It '-TryRecipes finds the seconds recipe in two requests and prints the line that stores it' {
        Use-Credential $Seconds
        $null = Invoke-RestMethod -Method Post "$($Seconds.endpoint)/sandbox/stats/reset"
        $info = $null
        $results = @(Test-PandaponCredential -TryRecipes -InformationVariable info)
        $results.Count | Should -Be 2
        $results[0].Accepted | Should -BeFalse
        $results[0].Code | Should -Be 40105
        $results[1].Accepted | Should -BeTrue
        $results[1].TimestampUnit | Should -Be 'Seconds'
        $stats = Get-SandboxStats $Seconds
        $stats.total | Should -Be 2
        $line = "$info"
        $line | Should -BeLike "*Set-PandaponCredential -AccessKey '$($Seconds.accessKey)' -SecretKey (Read-Host -AsSecureString 'Secret key') -UserId '$($Seconds.userId)'*-SignatureTemplate '{AccessKey}{Timestamp}{Nonce}{SecretKey}'*-TimestampUnit Seconds*"
        $line | Should -Not -Match $Seconds.secretKey
        $results[1].Hint | Should -BeLike '*Store it: Set-PandaponCredential*'

        # The printed line works: run it (with the secret given) and test again.
        $store = ($line -split "`n" | Where-Object { $_ -like 'Set-PandaponCredential*' }).Replace("(Read-Host -AsSecureString 'Secret key')", "'$($Seconds.secretKey)'")
        Invoke-Expression $store
        (Get-PandaponCredential).TimestampUnit | Should -Be 'Seconds'
        Test-PandaponCredential -Quiet | Should -BeTrue
    }

    It 'keeps the rate cap in the line -TryRecipes offers for storing, so saving it does not drop the cap' {
        Use-Credential $Seconds   # the first recipe is refused, so the accepted one comes with a line to store it
        $results = @(Test-PandaponCredential -TryRecipes -MaxRequestsPerSecond 2.5 6>$null)
        $results[-1].Accepted | Should -BeTrue
        $results[-1].Hint | Should -BeLike '*Store it: Set-PandaponCredential * -MaxRequestsPerSecond 2.5*'
    }

    It '-TryRecipes stops at the first accepted recipe, and never retries a refusal' {
        Use-Credential $Main
        $null = Invoke-RestMethod -Method Post "$($Main.endpoint)/sandbox/stats/reset"
        @(Test-PandaponCredential -TryRecipes).Count | Should -Be 1
        Use-Credential $Main -Secret 'wrong'
        $null = Invoke-RestMethod -Method Post "$($Main.endpoint)/sandbox/stats/reset"
        $all = @(Test-PandaponCredential -TryRecipes -MaxRetries 3)
        $all.Count | Should -Be 6
        $all.Accepted | Should -Not -Contain $true
        (Get-SandboxStats $Main).total | Should -Be 6
    }

    It 'says when it cannot tell: nothing listens at the endpoint' {
        Set-PandaponCredential -AccessKey $Main.accessKey -SecretKey $Main.secretKey -UserId $Main.userId -Endpoint 'http://127.0.0.1:9'
        $r = Test-PandaponCredential -MaxRetries 0 -TimeoutSec 5
        $r.Accepted | Should -BeFalse
        $r.Code | Should -BeNullOrEmpty
        $r.Hint | Should -BeLike '*does not show whether the credentials work*'
    }

    It 'keeps a stored timestamp unit and shows it in Get-PandaponCredential' {
        $saved = $env:PANDAPON_CONFIG_DIR
        $env:PANDAPON_CONFIG_DIR = New-TestConfigDirectory
        try {
            Set-PandaponCredential -AccessKey $Seconds.accessKey -SecretKey $Seconds.secretKey -UserId $Seconds.userId -Endpoint $Seconds.endpoint `
                -TimestampUnit Seconds -StoreAs sec
            (Get-PandaponCredential -ProfileName sec).TimestampUnit | Should -Be 'Seconds'
            Clear-PandaponCredential
            (Test-PandaponCredential -ProfileName sec).Accepted | Should -BeTrue
        }
        finally {
            Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR -ErrorAction SilentlyContinue
            $env:PANDAPON_CONFIG_DIR = $saved
        }
    }
}
