BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $sandbox = Get-TestSandbox
    $savedConfigDir = $env:PANDAPON_CONFIG_DIR
    $wrongSecret = 'not-the-sandbox-secret'
}

AfterAll {
    $env:PANDAPON_CONFIG_DIR = $savedConfigDir
    Clear-PandaponCredential
}

Describe 'Credential precedence, step by step, against the sandbox' {
    # Each step is given the right secret and every step below it a wrong one, so a signed read succeeds only
    # if that step wins. The environment steps run in a child pwsh with its own environment variables.
    BeforeAll {
        $env:PANDAPON_CONFIG_DIR = New-TestConfigDirectory
        Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint -StoreAs good
        Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $wrongSecret -UserId $sandbox.userId -Endpoint $sandbox.endpoint -StoreAs wrong
        Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $wrongSecret -UserId $sandbox.userId -Endpoint $sandbox.endpoint -StoreAs default
        Clear-PandaponCredential

        # Defines Read-Refund in the child: a signed read that reports 'ok' or the error id and code.
        $readRefund = {
            $sb = $env:PANDAPON_TEST_SANDBOX | ConvertFrom-Json
            $id = (Invoke-RestMethod "$($sb.endpoint)/sandbox/refunds")[0]   # one JSON array, not enumerated
            function Read-Refund([hashtable]$With = @{}) {
                try {
                    $r = Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $id } @With -ErrorAction Stop
                    if ($r.refundId -eq $id) { 'ok' } else { "unexpected: $($r.refundId)" }
                }
                catch { "$($_.FullyQualifiedErrorId.Split(',')[0]) $($_.Exception.Code)".Trim() }
            }
        }.ToString()
        $wrongEnvironment = @{
            PANDAPON_ACCESS_KEY = $sandbox.accessKey; PANDAPON_SECRET_KEY = $wrongSecret
            PANDAPON_USER_ID = $sandbox.userId; PANDAPON_ENDPOINT = $sandbox.endpoint; PANDAPON_PROFILE = 'wrong'
        }
    }

    It 'uses -Credential over -ProfileName, the session, the environment and the profiles' {
        $result = Invoke-IsolatedPwsh -Environment $wrongEnvironment -ScriptBlock ([scriptblock]::Create($readRefund + @'
            Set-PandaponCredential -ProfileName wrong
            $good = [pscredential]::new($sb.accessKey, (ConvertTo-SecureString $sb.secretKey -AsPlainText -Force))
            [pscustomobject]@{
                WithCredential = Read-Refund @{ Credential = $good; UserId = $sb.userId; Endpoint = $sb.endpoint; ProfileName = 'wrong' }
                Without = Read-Refund
            }
'@))
        $result.WithCredential | Should -Be 'ok'
        $result.Without | Should -Be 'Pandapon.Authentication 40104'
    }

    It 'uses -ProfileName over the session, the environment and the default profile' {
        $result = Invoke-IsolatedPwsh -Environment $wrongEnvironment -ScriptBlock ([scriptblock]::Create($readRefund + @'
            Set-PandaponCredential -ProfileName wrong
            [pscustomobject]@{
                Read = Read-Refund @{ ProfileName = 'good' }
                Source = "$((Get-PandaponCredential -ProfileName good).Source)"
            }
'@))
        $result.Read | Should -Be 'ok'
        $result.Source | Should -Be 'ProfileName'
    }

    It 'uses the session over the environment and the profiles' {
        $result = Invoke-IsolatedPwsh -Environment $wrongEnvironment -ScriptBlock ([scriptblock]::Create($readRefund + @'
            $before = Read-Refund
            Set-PandaponCredential -AccessKey $sb.accessKey -SecretKey $sb.secretKey -UserId $sb.userId -Endpoint $sb.endpoint
            [pscustomobject]@{ Before = $before; Read = Read-Refund; Source = "$((Get-PandaponCredential).Source)" }
'@))
        $result.Before | Should -Be 'Pandapon.Authentication 40104'
        $result.Read | Should -Be 'ok'
        $result.Source | Should -Be 'Session'
    }

    It 'uses PANDAPON_ACCESS_KEY, PANDAPON_SECRET_KEY, PANDAPON_USER_ID and PANDAPON_ENDPOINT over PANDAPON_PROFILE and default' {
        $environment = $wrongEnvironment.Clone()
        $environment.PANDAPON_SECRET_KEY = $sandbox.secretKey
        $result = Invoke-IsolatedPwsh -Environment $environment -ScriptBlock ([scriptblock]::Create($readRefund + @'
            $info = Get-PandaponCredential
            [pscustomobject]@{ Read = Read-Refund; Source = "$($info.Source)"; Endpoint = $info.Endpoint }
'@))
        $result.Read | Should -Be 'ok'
        $result.Source | Should -Be 'Environment'
        $result.Endpoint | Should -Be $sandbox.endpoint
    }

    It 'uses the profile named by PANDAPON_PROFILE over default' {
        $result = Invoke-IsolatedPwsh -Environment @{ PANDAPON_ACCESS_KEY = $null; PANDAPON_SECRET_KEY = $null; PANDAPON_USER_ID = $null; PANDAPON_PROFILE = 'good' } `
            -ScriptBlock ([scriptblock]::Create($readRefund + @'
            [pscustomobject]@{ Read = Read-Refund; Source = "$((Get-PandaponCredential).Source)"; Profile = (Get-PandaponCredential).ProfileName }
'@))
        $result.Read | Should -Be 'ok'
        $result.Source | Should -Be 'EnvironmentProfile'
        $result.Profile | Should -Be 'good'
    }

    It 'falls back to the profile default, and with none at all says how to set credentials' {
        $result = Invoke-IsolatedPwsh -Environment @{ PANDAPON_CONFIG_DIR = (New-TestConfigDirectory); PANDAPON_PROFILE = $null } `
            -ScriptBlock ([scriptblock]::Create($readRefund + @'
            Set-PandaponCredential -AccessKey $sb.accessKey -SecretKey $sb.secretKey -UserId $sb.userId -Endpoint $sb.endpoint -StoreAs default
            Clear-PandaponCredential
            $read = Read-Refund
            $source = "$((Get-PandaponCredential).Source)"
            Remove-PandaponCredential default -Force
            $none = Read-Refund
            $message = try { Get-PandaponCredential -ErrorAction Stop } catch { $_.Exception.Message }
            [pscustomobject]@{ Read = $read; Source = $source; None = $none; Message = $message }
'@))
        $result.Read | Should -Be 'ok'
        $result.Source | Should -Be 'DefaultProfile'
        $result.None | Should -Be 'Pandapon.NoCredentials'
        $result.Message | Should -BeLike '*Set-PandaponCredential -AccessKey*-StoreAs default*'
    }

    It 'refuses an incomplete set of environment variables, naming what is missing' {
        $message = Invoke-IsolatedPwsh -Environment @{ PANDAPON_ACCESS_KEY = 'ak'; PANDAPON_SECRET_KEY = $null; PANDAPON_USER_ID = $null } -ScriptBlock {
            try { Get-PandaponCredential -ErrorAction Stop } catch { $_.Exception.Message }
        }
        $message | Should -BeLike '*sets PANDAPON_ACCESS_KEY but not PANDAPON_SECRET_KEY or PANDAPON_USER_ID*'
    }
}

Describe 'Saved profiles' {
    BeforeEach {
        $env:PANDAPON_CONFIG_DIR = New-TestConfigDirectory
        $store = Join-Path $env:PANDAPON_CONFIG_DIR 'credentials.json'
    }
    AfterEach {
        Clear-PandaponCredential
        Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR -ErrorAction SilentlyContinue
    }

    It 'writes the store with mode 0600 (and its new directory 0700)' -Skip:$IsWindows {
        $env:PANDAPON_CONFIG_DIR = Join-Path $env:PANDAPON_CONFIG_DIR 'nested'
        $store = Join-Path $env:PANDAPON_CONFIG_DIR 'credentials.json'
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs default
        (Get-Item $store).UnixMode | Should -Be '-rw-------'
        (Get-Item $env:PANDAPON_CONFIG_DIR).UnixMode | Should -Be 'drwx------'
    }

    It 'lists saved profiles with the access key masked and never the secret' {
        Set-PandaponCredential -AccessKey 58c0201dfdf148eca63cbf6bb5e7cf03 -SecretKey 'super-secret-value' -UserId 2100007341207 -StoreAs prod `
            -SignatureAlgorithm HMAC-SHA256 -SignatureCase Lower
        $listed = @(Get-PandaponCredential -ListAvailable)
        $listed.Count | Should -Be 1
        $listed[0].ProfileName | Should -Be 'prod'
        $listed[0].AccessKey | Should -Be '58c0****cf03'
        $listed[0].UserId | Should -Be '2100007341207'
        $listed[0].Endpoint | Should -Be 'https://api.pandapon.com'
        $listed[0].SignatureAlgorithm | Should -Be 'HMAC-SHA256'
        $listed[0].Source | Should -Be 'Store'
        $shown = ($listed | Format-List * | Out-String) + ($listed | Format-Table | Out-String) + ($listed | ConvertTo-Json) + ($listed | ConvertTo-Csv | Out-String)
        $shown | Should -Not -Match 'super-secret-value'
        $shown | Should -Not -Match '58c0201dfdf148eca63cbf6bb5e7cf03'
    }

    It 'makes a saved profile current with -ProfileName' {
        Set-PandaponCredential -AccessKey ak-one -SecretKey sk -UserId 1 -StoreAs one
        Set-PandaponCredential -AccessKey ak-two -SecretKey sk -UserId 2 -StoreAs two
        Set-PandaponCredential -ProfileName one
        $current = Get-PandaponCredential
        $current.Source | Should -Be 'Session'
        $current.ProfileName | Should -Be 'one'
        $current.UserId | Should -Be '1'
    }

    It 'takes a PSCredential (user name = access key)' {
        $credential = [pscredential]::new('ak-from-credential', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
        Set-PandaponCredential -Credential $credential -UserId 7 -PassThru | Select-Object -ExpandProperty UserId | Should -Be '7'
        (Get-PandaponCredential).AccessKey | Should -Be 'ak-f****tial'
    }

    It 'names the missing profile and the store file, and does not fall back' {
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs default
        { Invoke-PandaponRequest /alibaba/refund/info -ProfileName nope -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*-ProfileName names the profile 'nope', which does not exist in '$store'*Saved profiles: default*"
        $e = $null
        try { Set-PandaponCredential -ProfileName nope -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.ProfileNotFound,*'
        $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows -WhatIf on Remove-PandaponCredential and keeps the profile' {
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs keepme
        $before = Get-Content -Raw $store
        Remove-PandaponCredential -ProfileName keepme -WhatIf
        (Get-PandaponCredential -ListAvailable).ProfileName | Should -Be 'keepme'
        Get-Content -Raw $store | Should -Be $before
        Remove-PandaponCredential -ProfileName keepme -Force
        Get-PandaponCredential -ListAvailable | Should -BeNullOrEmpty
    }

    It 'removes profiles from the pipeline and reports one that does not exist' {
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs a1
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs a2
        Get-PandaponCredential -ListAvailable | Remove-PandaponCredential -Force
        Get-PandaponCredential -ListAvailable | Should -BeNullOrEmpty
        Remove-PandaponCredential -ProfileName ghost -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Pandapon.ProfileNotFound,*'
        $errs[0].TargetObject | Should -Be 'ghost'
    }

    It 'completes -ProfileName from the saved profiles on Tab' {
        foreach ($name in 'prod', 'prod-eu', 'test') { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs $name }
        foreach ($command in 'Invoke-PandaponRequest /x -ProfileName ', 'Set-PandaponCredential -ProfileName ', 'Remove-PandaponCredential -ProfileName ', 'Get-PandaponCredential -ProfileName ') {
            $all = TabExpansion2 -inputScript $command -cursorColumn $command.Length
            $all.CompletionMatches.CompletionText | Should -Be @('prod', 'prod-eu', 'test')
        }
        $line = 'Invoke-PandaponRequest /x -ProfileName pr'
        $some = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $some.CompletionMatches.CompletionText | Should -Be @('prod', 'prod-eu')
        $some.CompletionMatches[0].ToolTip | Should -BeLike 'prod: access key *, user 1, https://api.pandapon.com'
    }

    It 'reports a corrupt store by name and never overwrites it' {
        Set-Content -Path $store -Value '{ "profiles": { "default": ' -NoNewline
        $e = $null
        try { Get-PandaponCredential -ListAvailable -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.CredentialStoreUnusable,*'
        $e.Exception.Message | Should -BeLike "*'$store'*not valid JSON*Pandapon does not overwrite it*"
        { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs other -ErrorAction Stop } | Should -Throw -ExpectedMessage "*$store*"
        Get-Content -Raw $store | Should -Be '{ "profiles": { "default": '
        $line = 'Invoke-PandaponRequest /x -ProfileName '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | Should -BeNullOrEmpty
    }

    It 'refuses a bad endpoint or profile name before saving anything' {
        { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -Endpoint 'http://api.pandapon.com' -StoreAs x -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "-Endpoint 'http://api.pandapon.com' is not a valid PandaPon endpoint: plain http:// is accepted only for a loopback host*"
        { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs 'no spaces' -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "-StoreAs 'no spaces' is not a valid profile name*"
        Test-Path $store | Should -BeFalse
    }

    It 'clears only the session' {
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs default
        Set-PandaponCredential -AccessKey other -SecretKey sk -UserId 2
        (Get-PandaponCredential).Source | Should -Be 'Session'
        Clear-PandaponCredential
        (Get-PandaponCredential).Source | Should -Be 'DefaultProfile'
    }
}
