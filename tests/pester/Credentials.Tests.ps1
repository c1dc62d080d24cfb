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

    It 'says that the session entry of Get-PandaponCredential is not a saved profile when it is piped to Remove or Get' {
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs kept
        Set-PandaponCredential -AccessKey ak2 -SecretKey sk2 -UserId 2
        try {
            Get-PandaponCredential | Remove-PandaponCredential -Force -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs.Count | Should -Be 1
            $errs[0].Exception.Message | Should -BeLike '*-ProfileName*ProfileName is empty*not a saved profile*Clear-PandaponCredential*'
            $errs[0].Exception.GetBaseException() | Should -BeOfType Pandapon.Values.InvalidValueException
            Get-PandaponCredential | Get-PandaponCredential -ErrorVariable errs2 -ErrorAction SilentlyContinue
            $errs2[0].Exception.Message | Should -BeLike '*not a saved profile*'
            (Get-PandaponCredential -ListAvailable).ProfileName | Should -Contain 'kept'
        }
        finally { Clear-PandaponCredential; Remove-PandaponCredential kept -Force }
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

Describe 'Profile names, the session and -StoreAs' {
    BeforeEach {
        $env:PANDAPON_CONFIG_DIR = New-TestConfigDirectory
        $store = Join-Path $env:PANDAPON_CONFIG_DIR 'credentials.json'
        Clear-PandaponCredential
    }
    AfterEach {
        Clear-PandaponCredential
        Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR -ErrorAction SilentlyContinue
    }

    It '-StoreAs saves the profile only: the session keeps the credentials it had (as Set-AWSCredential -StoreAs)' {
        Set-PandaponCredential -AccessKey ak-session-0001 -SecretKey sk -UserId 1
        $saved = Set-PandaponCredential -AccessKey ak-saved-000002 -SecretKey sk -UserId 2 -StoreAs later -PassThru
        $saved.ProfileName | Should -Be 'later'
        $saved.Source | Should -Be 'Store'
        $current = Get-PandaponCredential
        $current.Source | Should -Be 'Session'
        $current.UserId | Should -Be '1'
        $current.ProfileName | Should -BeNullOrEmpty
        Set-PandaponCredential -ProfileName later
        (Get-PandaponCredential).UserId | Should -Be '2'
    }

    It '-StoreAs with no session credentials leaves the session empty' {
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs later -Verbose 4>&1 | Out-String |
            Should -BeLike "*session's credentials are unchanged*Set-PandaponCredential -ProfileName 'later'*"
        { Get-PandaponCredential -ErrorAction Stop } | Should -Throw -ErrorId 'Pandapon.NoCredentials,*'
    }

    It 'forgets the session credentials of a profile when it is removed, and says so' {
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs gone
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 2 -StoreAs default
        Set-PandaponCredential -ProfileName gone
        (Get-PandaponCredential).ProfileName | Should -Be 'gone'
        $warnings = Remove-PandaponCredential gone -Force 3>&1
        "$warnings" | Should -BeLike "*session was using the profile 'gone'*cleared*"
        $current = Get-PandaponCredential
        $current.ProfileName | Should -Be 'default'
        $current.Source | Should -Be 'DefaultProfile'
    }

    It 'lists the saved profiles sorted by name' {
        foreach ($name in 'prod', 'Beta', 'alpha', 'zeta') { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs $name }
        (Get-PandaponCredential -ListAvailable).ProfileName | Should -Be @('alpha', 'Beta', 'prod', 'zeta')
        (Get-PandaponCredential -ProfileName '*').ProfileName | Should -Be @('alpha', 'Beta', 'prod', 'zeta')
    }

    It 'compares profile names without letter case: one profile, replaced, and removed once' {
        Set-PandaponCredential -AccessKey ak-first -SecretKey sk -UserId 1 -StoreAs prod
        Set-PandaponCredential -AccessKey ak-second -SecretKey sk -UserId 2 -StoreAs PROD
        $listed = @(Get-PandaponCredential -ListAvailable)
        $listed.Count | Should -Be 1
        $listed[0].UserId | Should -Be '2'
        (Get-PandaponCredential -ProfileName Prod).UserId | Should -Be '2'
    }

    It 'refuses a store holding one name twice (by letter case, or the same key twice), naming the file and the names, and removes nothing' -TestCases @(
        @{ Second = 'DEFAULT' }
        @{ Second = 'default' }
    ) {
        $content = '{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"u"},"' + $Second + '":{"accessKey":"b","secretKey":"s","userId":"u"}}}'
        Set-Content -Path $store -Value $content -NoNewline
        $e = $null
        try { Get-PandaponCredential -ListAvailable -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.CredentialStoreUnusable,*'
        $e.Exception.Message | Should -BeLike "*'$store'*'default' and '$Second'*letter case*"
        Remove-PandaponCredential default -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.Message | Should -BeLike "*'default' and '$Second'*"
        Get-Content -Raw $store | Should -Be $content
    }

    It 'reads a store saved with a UTF-8 byte order mark (Windows PowerShell 5.1 Set-Content -Encoding UTF8)' {
        $json = '{"version":1,"profiles":{"default":{"accessKey":"ak-with-bom","secretKey":"s","userId":"7"}}}'
        [IO.File]::WriteAllText($store, $json, [Text.UTF8Encoding]::new($true))
        [IO.File]::ReadAllBytes($store)[0] | Should -Be 0xEF
        (Get-PandaponCredential -ListAvailable).UserId | Should -Be '7'
    }

    It "-ProfileName '[' is a clear error, not a wildcard parser's crash" {
        Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs default
        Get-PandaponCredential -ProfileName '[' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidProfileName,*'
        $errs[0].Exception.Message | Should -BeLike "-ProfileName '``[' is not a valid profile name*"
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'never suggests saving a profile under a name that would be refused (-ProfileName ../x)' {
        $messages = @(
            try { Get-PandaponCredential -ProfileName ../x -ErrorAction Stop } catch { $_ }
            try { Set-PandaponCredential -ProfileName ../x -ErrorAction Stop } catch { $_ }
            try { Invoke-PandaponRequest /alibaba/refund/info -ProfileName ../x -ErrorAction Stop } catch { $_ }
        )
        $messages.Count | Should -Be 3
        foreach ($m in $messages) {
            $m.FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidProfileName,*'
            $m.Exception.Message | Should -BeLike "*-ProfileName '../x' is not a valid profile name*"
            $m.Exception.Message | Should -Not -BeLike '*-StoreAs*'
        }
    }
}

Describe 'The store file on disk: links, modes, read-only folders' -Skip:$IsWindows {
    BeforeEach {
        $env:PANDAPON_CONFIG_DIR = New-TestConfigDirectory
        $store = Join-Path $env:PANDAPON_CONFIG_DIR 'credentials.json'
    }
    AfterEach {
        Clear-PandaponCredential
        Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR -ErrorAction SilentlyContinue
    }

    It 'writes through a symbolic link to its target, and the link stays a link' {
        $elsewhere = New-TestConfigDirectory
        try {
            $target = Join-Path $elsewhere 'pandapon-credentials.json'
            Set-Content -Path $target -Value '{"version":1,"profiles":{}}'
            $null = New-Item -ItemType SymbolicLink -Path $store -Target $target
            Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs linked
            (Get-Item $store).LinkType | Should -Be 'SymbolicLink'
            (Get-Item $store).Target | Should -Be $target
            Get-Content -Raw $target | Should -BeLike '*"linked"*'
            (Get-Item $target).UnixMode | Should -Be '-rw-------'
            (Get-PandaponCredential -ListAvailable).ProfileName | Should -Be 'linked'
        }
        finally { Remove-Item -Recurse -Force $elsewhere }
    }

    It 'refuses to save through a dangling symbolic link, naming the link and its target' {
        $target = Join-Path $env:PANDAPON_CONFIG_DIR 'moved/credentials.json'
        $null = New-Item -ItemType SymbolicLink -Path $store -Target $target
        { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs x -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*'$store' is a symbolic link to '$target', which does not exist*"
        Test-Path $target | Should -BeFalse
    }

    It 'reads a store others may read, warns once per session with the chmod to run, and the next save makes it 0600 and its folder 0700' {
        $configHome = New-TestConfigDirectory
        try {
            $result = Invoke-IsolatedPwsh -Environment @{ PANDAPON_CONFIG_DIR = $null; XDG_CONFIG_HOME = $configHome } -ScriptBlock {
                $folder = Join-Path $env:XDG_CONFIG_HOME 'pandapon'
                $file = Join-Path $folder 'credentials.json'
                Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs default
                chmod 644 $file; chmod 755 $folder
                $first = @(Get-PandaponCredential -ListAvailable 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
                $second = @(Get-PandaponCredential 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
                $listed = @(Get-PandaponCredential -ListAvailable 3>$null).Count
                Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 2 -StoreAs other
                [pscustomobject]@{
                    First = @($first | ForEach-Object { $_.Message }); Second = $second.Count; Listed = $listed
                    File = $file; Folder = $folder; FileMode = (Get-Item $file).UnixMode; FolderMode = (Get-Item $folder).UnixMode
                }
            }
        }
        finally { Remove-Item -Recurse -Force $configHome }
        $result.Listed | Should -Be 1
        @($result.First).Count | Should -Be 1
        $result.First[0] | Should -BeLike "*mode 0644 (run: chmod 600 '$($result.File)')*mode 0755 (run: chmod 700 '$($result.Folder)')*"
        $result.Second | Should -Be 0
        $result.FileMode | Should -Be '-rw-------'
        $result.FolderMode | Should -Be 'drwx------'
    }

    It 'says at once that the folder is read-only, not that the store is locked' {
        $readOnly = Join-Path $env:PANDAPON_CONFIG_DIR 'ro'
        $null = New-Item -ItemType Directory -Path $readOnly
        $mounted = $false
        if ((id -u) -eq '0') {
            mount -t tmpfs -o 'ro,size=64k' tmpfs $readOnly 2>$null
            $mounted = $LASTEXITCODE -eq 0
            if (-not $mounted) { Set-ItResult -Skipped -Because 'root here can neither mount nor be stopped by a mode'; return }
        }
        else { chmod 555 $readOnly }
        try {
            $env:PANDAPON_CONFIG_DIR = $readOnly
            $e = $null
            try { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs x -ErrorAction Stop } catch { $e = $_ }
            $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.CredentialStoreUnusable,*'
            $e.Exception.Message | Should -BeLike "*folder '$readOnly' is read-only*"
            $e.Exception.Message | Should -Not -BeLike '*locked*'
        }
        finally {
            $env:PANDAPON_CONFIG_DIR = Split-Path $readOnly
            if ($mounted) { umount $readOnly } else { chmod 755 $readOnly }
        }
    }

    It 'says so when PANDAPON_CONFIG_DIR names a file' {
        $file = Join-Path $env:PANDAPON_CONFIG_DIR 'hostname'
        Set-Content -Path $file -Value 'box'
        $env:PANDAPON_CONFIG_DIR = $file
        try {
            foreach ($call in { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs x -ErrorAction Stop }, { Get-PandaponCredential -ListAvailable -ErrorAction Stop }) {
                $call | Should -Throw -ExpectedMessage "PANDAPON_CONFIG_DIR names '$file', which is a file, not a folder*"
            }
        }
        finally { $env:PANDAPON_CONFIG_DIR = Split-Path $file }
    }
}
