# Proxies: -Proxy/-ProxyCredential/-ProxyUseDefaultCredentials/-NoProxy, profiles, PANDAPON_PROXY and .NET's
# HTTP_PROXY/HTTPS_PROXY/NO_PROXY, against forwarding proxies this file starts (ForwardingProxy.cs, test-only).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    if (-not ('PandaponTests.ForwardingProxy' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'ForwardingProxy.cs') }
    $sandbox = Get-TestSandbox
    $id = (Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds")[0]
    $refundLine = "POST $($sandbox.endpoint)/alibaba/refund/info"

    $proxyPassword = 'Pr0xy-' + [Guid]::NewGuid().ToString('N')
    $open = [PandaponTests.ForwardingProxy]::new()
    $guarded = [PandaponTests.ForwardingProxy]::new('alice', $proxyPassword)
    $aliceCredential = [pscredential]::new('alice', (ConvertTo-SecureString $proxyPassword -AsPlainText -Force))

    function Get-ForwardedRefundReads($Proxy) {
        <# How many refund reads the proxy forwarded (other traffic, such as a child pwsh's own, is not counted). #>
        @($Proxy.RequestLines | Where-Object { $_ -eq $refundLine }).Count - $Proxy.Refused
    }

    $configDir = New-TestConfigDirectory
    $savedConfigDir = $env:PANDAPON_CONFIG_DIR
    $env:PANDAPON_CONFIG_DIR = $configDir
    Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
}

AfterAll {
    Clear-PandaponCredential
    $env:PANDAPON_CONFIG_DIR = $savedConfigDir
    $open.Dispose()
    $guarded.Dispose()
    Remove-Item -Recurse -Force $configDir -ErrorAction SilentlyContinue
}

Describe 'Proxies' {
BeforeEach {
    $open.Reset()
    $guarded.Reset()
}

Describe '-Proxy on an API cmdlet' {
    It 'sends the request through the proxy, in absolute form, and the refund comes back' {
        $refund = Get-PandaponRefund $id -Proxy $open.Address
        $refund.RefundId | Should -Be $id
        $open.Forwarded | Should -Be 1
        @($open.RequestLines) | Should -Be @($refundLine)
    }

    It 'is not used without the parameter (the session has no proxy, the test environment none either)' {
        $refund = Get-PandaponRefund $id
        $refund.RefundId | Should -Be $id
        $open.Forwarded + $guarded.Forwarded | Should -Be 0
    }

    It 'says in -Verbose which proxy the request went through' {
        $lines = Get-PandaponRefund $id -Proxy $open.Address -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($lines -join "`n") | Should -Match ([regex]::Escape("through the proxy $($open.Address)"))
    }

    It 'keeps two calls with different proxies apart in one session (the client cache key holds the proxy)' {
        Get-PandaponRefund $id -Proxy $open.Address | Should -Not -BeNullOrEmpty
        Get-PandaponRefund $id -Proxy $guarded.Address -ProxyCredential $aliceCredential | Should -Not -BeNullOrEmpty
        Get-PandaponRefund $id -Proxy $open.Address | Should -Not -BeNullOrEmpty
        Get-PandaponRefund $id | Should -Not -BeNullOrEmpty
        $open.Forwarded | Should -Be 2
        $guarded.Forwarded | Should -Be 1
    }

    It 'is kept in the line Test-PandaponCredential -TryRecipes offers for storing the accepted recipe' {
        $results = Test-PandaponCredential -TryRecipes -SignatureCase Lower -Proxy $guarded.Address -ProxyCredential $aliceCredential 6>$null
        $accepted = @($results | Where-Object Accepted)
        $accepted.Count | Should -Be 1
        $accepted[0].Hint | Should -BeLike "*Store it: Set-PandaponCredential * -SignatureCase Upper * -Proxy '$($guarded.Address)' -ProxyCredential (Get-Credential 'alice')"
        $accepted[0].Hint | Should -Not -Match ([regex]::Escape($proxyPassword))
        $guarded.Forwarded | Should -Be $results.Count
    }

    It 'carries a batch and a write through it too' {
        $ids = @((Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds")[0..2])
        @($ids | Get-PandaponRefund -Proxy $open.Address -ThrottleLimit 3).Count | Should -Be 3
        $open.Forwarded | Should -Be 3
        Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $id } -Proxy $open.Address | Should -Not -BeNullOrEmpty
        $open.Forwarded | Should -Be 4
        (Test-PandaponCredential -Proxy $open.Address).Accepted | Should -BeTrue
        $open.Forwarded | Should -Be 5
    }
}

Describe 'A proxy that demands authentication' {
    It 'lets the request through with -ProxyCredential (Basic, after its 407 challenge)' {
        $refund = Get-PandaponRefund $id -Proxy $guarded.Address -ProxyCredential $aliceCredential
        $refund.RefundId | Should -Be $id
        $guarded.Forwarded | Should -Be 1
        $expected = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("alice:$proxyPassword"))
        @($guarded.Authorizations) | Should -Contain $expected
    }

    It 'without credentials: the call stops at once with Pandapon.ProxyAuthentication, saying the proxy refused; nothing reaches the API' {
        $ids = @((Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds")[0..2])
        $e = $null
        $out = try { Get-PandaponRefund -RefundId $ids -ThrottleLimit 1 -Proxy $guarded.Address } catch { $e = $_ }
        $out | Should -BeNullOrEmpty
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.ProxyAuthentication,*'
        $e.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $e.Exception.Message | Should -BeLike "*the proxy $($guarded.Address) refused it with HTTP 407 (Proxy Authentication Required), so it did not reach the server; the proxy asks for Basic realm=""pandapon-test"". No proxy credentials were given.*"
        $e.ErrorDetails.Message | Should -BeLike '*The batch stopped at this authentication refusal: 1 request was refused, 2 inputs were not sent, and no later input is sent, since every request goes through the same proxy with the same proxy credentials.'
        $e.ErrorDetails.RecommendedAction | Should -BeLike 'Give the proxy''s user name and password with -ProxyCredential*'
        $guarded.Forwarded | Should -Be 0
        $guarded.Refused | Should -Be 1   # neither retried nor sent for the other inputs
    }

    It 'with a wrong password: the error names the user, never a password' {
        $wrong = [pscredential]::new('alice', (ConvertTo-SecureString 'Wr0ng-Pa55' -AsPlainText -Force))
        $e = $null
        try { Get-PandaponRefund $id -Proxy $guarded.Address -ProxyCredential $wrong } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.ProxyAuthentication,*'
        $e.Exception.Message | Should -BeLike "*It did not accept the user name 'alice' and its password.*"
        ($e | Format-List * -Force | Out-String) + $e.Exception.ToString() | Should -Not -Match 'Wr0ng-Pa55'
        $guarded.Forwarded | Should -Be 0
    }
}

Describe 'A SOCKS5 proxy (PowerShell 7)' {
    BeforeAll { $socks = [PandaponTests.Socks5Proxy]::new('alice', $proxyPassword) }
    AfterAll { $socks.Dispose() }
    BeforeEach { $socks.Reset() }

    It 'carries the request through its tunnel, signed in with -ProxyCredential' {
        (Get-PandaponRefund $id -Proxy $socks.Address -ProxyCredential $aliceCredential).RefundId | Should -Be $id
        $socks.Tunnels | Should -Be 1
    }

    It 'refusing the sign-in is Pandapon.ProxyAuthentication, not a network failure: <Name>' -ForEach @(
        @{ Name = 'no credentials'; Credential = $null; Says = 'No proxy credentials were given.' }
        @{ Name = 'a wrong password'; Credential = 'wrong'; Says = "It did not accept the user name 'alice' and its password." }
    ) {
        $arguments = @{ Proxy = $socks.Address }
        if ($Credential) { $arguments.ProxyCredential = [pscredential]::new('alice', (ConvertTo-SecureString 'Wr0ng-Pa55' -AsPlainText -Force)) }
        $e = $null
        try { Get-PandaponRefund $id @arguments } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.ProxyAuthentication,*'
        $e.Exception.Message | Should -BeLike "*the proxy $($socks.Address) refused it at SOCKS5 authentication, so it did not reach the server. $Says*"
        $e.Exception.Message | Should -Not -Match 'Wr0ng-Pa55'
        $socks.Tunnels | Should -Be 0
        $socks.Refused | Should -Be 1   # not retried
    }
}

Describe 'Bad proxy parameters are refused before any request' {
    It '<Name>' -ForEach @(
        @{ Name = 'credentials written into -Proxy'; Arguments = @{ Proxy = 'http://alice:N0tInAnyError@127.0.0.1:9' }
            Message = "-Proxy 'http://``*``*``*@127.0.0.1:9' is not a valid proxy address: it must not contain a user name or password; give them with -ProxyCredential." }
        @{ Name = 'a -Proxy that is no URL'; Arguments = @{ Proxy = 'proxy.example.com:3128' }
            Message = "-Proxy 'proxy.example.com:3128' is not a valid proxy address: it has no scheme*http://, https:// or socks5://*" }
        @{ Name = 'a -Proxy with a path'; Arguments = @{ Proxy = 'http://127.0.0.1:9/path' }
            Message = "-Proxy 'http://127.0.0.1:9/path' is not a valid proxy address: a proxy address is a host and port only*" }
        @{ Name = '-ProxyCredential without -Proxy'; Arguments = @{ ProxyCredential = [pscredential]::new('alice', (ConvertTo-SecureString 'x' -AsPlainText -Force)) }
            Message = '-ProxyCredential needs -Proxy, the address of the proxy it is for*' }
        @{ Name = '-NoProxy with -Proxy'; Arguments = @{ NoProxy = $true; Proxy = 'http://127.0.0.1:9' }
            Message = '-NoProxy sends requests straight to the endpoint: it cannot be combined with -Proxy*' }
        @{ Name = '-ProxyCredential with -ProxyUseDefaultCredentials'; Arguments = @{ Proxy = 'http://127.0.0.1:9'; ProxyUseDefaultCredentials = $true
                ProxyCredential = [pscredential]::new('alice', (ConvertTo-SecureString 'x' -AsPlainText -Force)) }
            Message = '-ProxyCredential and -ProxyUseDefaultCredentials cannot be combined*' }
    ) {
        $before = (Get-SandboxStats $sandbox).total
        $e = $null
        try { Get-PandaponRefund $id @Arguments -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidArgument,*'
        $e.Exception.Message | Should -BeLike $Message
        ($e | Format-List * -Force | Out-String) | Should -Not -Match 'N0tInAnyError'
        (Get-SandboxStats $sandbox).total | Should -Be $before
    }

    It 'also in Set-PandaponCredential, with -WhatIf' {
        $e = $null
        try {
            Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -Proxy 'http://alice:N0tInAnyError@127.0.0.1:9' -StoreAs never -WhatIf -ErrorAction Stop
        }
        catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidArgument,*'
        $e.TargetObject | Should -Be 'http://***@127.0.0.1:9'
        ($e | Format-List * -Force | Out-String) | Should -Not -Match 'N0tInAnyError'
    }
}

Describe 'A profile with a proxy' {
    BeforeAll {
        Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint `
            -Proxy $guarded.Address -ProxyCredential $aliceCredential -StoreAs proxied
        Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint `
            -NoProxy -StoreAs direct
    }

    It 'is used by -ProfileName: the request goes through its proxy with its credentials' {
        (Get-PandaponRefund $id -ProfileName proxied).RefundId | Should -Be $id
        $guarded.Forwarded | Should -Be 1
    }

    It 'is used as the session''s credentials (Set-PandaponCredential -ProfileName)' {
        try {
            Set-PandaponCredential -ProfileName proxied
            (Get-PandaponRefund $id).RefundId | Should -Be $id
            $guarded.Forwarded | Should -Be 1
            # -NoProxy bypasses it for one call; -Proxy replaces it for one call.
            (Get-PandaponRefund $id -NoProxy).RefundId | Should -Be $id
            $guarded.Forwarded | Should -Be 1
            (Get-PandaponRefund $id -Proxy $open.Address).RefundId | Should -Be $id
            $open.Forwarded | Should -Be 1
            $guarded.Forwarded | Should -Be 1
        }
        finally {
            Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
        }
    }

    It 'shows the proxy address and user name in Get-PandaponCredential, never the password' {
        $shown = Get-PandaponCredential -ProfileName proxied
        $shown.Proxy | Should -Be $guarded.Address
        $shown.ProxyUserName | Should -Be 'alice'
        (Get-PandaponCredential -ProfileName direct).Proxy | Should -Be 'None'
        (Get-PandaponCredential).Proxy | Should -Be ''
        $text = ($shown | Format-List * -Force | Out-String) + ($shown | ConvertTo-Json) + (Get-PandaponCredential -ListAvailable | Format-Table * | Out-String -Width 300)
        $text | Should -Not -Match ([regex]::Escape($proxyPassword))
    }

    It 'keeps the proxy password as it keeps the secret key (DPAPI on Windows, the owner-only file elsewhere)' {
        $file = Join-Path $configDir 'credentials.json'
        $json = Get-Content -Raw $file | ConvertFrom-Json
        $json.profiles.proxied.proxy | Should -Be $guarded.Address
        $json.profiles.proxied.proxyUserName | Should -Be 'alice'
        $json.profiles.direct.noProxy | Should -BeTrue
        if ($IsWindows) {
            $json.profiles.proxied.proxyPasswordDpapi | Should -Not -BeNullOrEmpty
            Get-Content -Raw $file | Should -Not -Match ([regex]::Escape($proxyPassword))
        }
        else {
            $json.profiles.proxied.proxyPassword | Should -Be $proxyPassword
            [int](Get-Item $file).UnixFileMode | Should -Be ([int][IO.UnixFileMode]'UserRead, UserWrite')   # 0600
        }
    }

    It 'with -NoProxy goes straight to the endpoint, even with PANDAPON_PROXY set' {
        $env:PANDAPON_PROXY = $open.Address
        try {
            (Get-PandaponRefund $id -ProfileName direct).RefundId | Should -Be $id
            $open.Forwarded | Should -Be 0
            (Get-PandaponRefund $id).RefundId | Should -Be $id   # the session's credentials have no proxy: PANDAPON_PROXY applies
            $open.Forwarded | Should -Be 1
        }
        finally { Remove-Item env:PANDAPON_PROXY }
    }
}

Describe 'The environment''s proxy (a child pwsh, since .NET reads HTTP_PROXY and friends once per process)' {
    BeforeAll {
        # Every proxy variable removed for the child (both cases: .NET reads the lower-case name first), then set per case.
        $keys = [hashtable]::new([StringComparer]::Ordinal)   # case-sensitive: http_proxy and HTTP_PROXY are two variables
        $common = @{
            PANDAPON_ACCESS_KEY = $sandbox.accessKey; PANDAPON_SECRET_KEY = $sandbox.secretKey; PANDAPON_USER_ID = $sandbox.userId
            PANDAPON_ENDPOINT = $sandbox.endpoint; POWERSHELL_TELEMETRY_OPTOUT = '1'; POWERSHELL_UPDATECHECK = 'Off'; PANDAPON_PROXY = $null
        }
        foreach ($k in $common.Keys) { $keys[$k] = $common[$k] }
        foreach ($name in 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY') { $keys[$name] = $null; $keys[$name.ToLowerInvariant()] = $null }
        function Invoke-RefundInChild([hashtable]$Environment, [string]$Extra = '') {
            $all = $keys.Clone()
            foreach ($k in $Environment.Keys) { $all[$k] = $Environment[$k] }
            $all.PANDAPON_TEST_ID = $id
            $all.PANDAPON_TEST_EXTRA = $Extra
            Invoke-IsolatedPwsh -Environment $all -ScriptBlock {
                $extra = @{}
                if ($env:PANDAPON_TEST_EXTRA -eq 'NoProxy') { $extra.NoProxy = $true }
                try { [pscustomobject]@{ Id = (Get-PandaponRefund $env:PANDAPON_TEST_ID @extra -ErrorAction Stop).RefundId; Error = $null; ErrorId = $null } }
                catch { [pscustomobject]@{ Id = $null; Error = $_.Exception.Message; ErrorId = $_.FullyQualifiedErrorId } }
            }
        }
    }

    # Verified on .NET 10 (Linux): HTTP_PROXY and ALL_PROXY are used for http:// URLs, loopback ones included;
    # HTTPS_PROXY only for https:// ones; NO_PROXY matches host names exactly (127.0.0.1 does not cover localhost).
    It '<Name>' -ForEach @(
        @{ Name = 'HTTP_PROXY is used for the http:// sandbox on 127.0.0.1'; Environment = @{ HTTP_PROXY = 'OPEN' }; Through = 1 }
        @{ Name = 'ALL_PROXY is used when HTTP_PROXY is not set'; Environment = @{ ALL_PROXY = 'OPEN' }; Through = 1 }
        @{ Name = 'HTTPS_PROXY is not used for an http:// endpoint'; Environment = @{ HTTPS_PROXY = 'OPEN' }; Through = 0 }
        @{ Name = 'NO_PROXY=127.0.0.1 bypasses HTTP_PROXY'; Environment = @{ HTTP_PROXY = 'OPEN'; NO_PROXY = '127.0.0.1' }; Through = 0 }
        @{ Name = 'NO_PROXY=localhost does not cover 127.0.0.1'; Environment = @{ HTTP_PROXY = 'OPEN'; NO_PROXY = 'localhost' }; Through = 1 }
        @{ Name = '-NoProxy bypasses HTTP_PROXY'; Environment = @{ HTTP_PROXY = 'OPEN' }; Extra = 'NoProxy'; Through = 0 }
        @{ Name = 'PANDAPON_PROXY is used, NO_PROXY notwithstanding'; Environment = @{ PANDAPON_PROXY = 'OPEN'; NO_PROXY = '127.0.0.1' }; Through = 1 }
        @{ Name = 'PANDAPON_PROXY wins over HTTP_PROXY'; Environment = @{ PANDAPON_PROXY = 'OPEN'; HTTP_PROXY = 'GUARDED' }; Through = 1 }
    ) {
        $variables = @{}
        foreach ($k in $Environment.Keys) { $variables[$k] = $Environment[$k] -replace '^OPEN$', $open.Address -replace '^GUARDED$', $guarded.Address }
        $result = Invoke-RefundInChild $variables $(if ($Extra) { $Extra } else { '' })
        $result.Error | Should -BeNullOrEmpty
        $result.Id | Should -Be $id
        Get-ForwardedRefundReads $open | Should -Be $Through
        $guarded.RequestLines.Count | Should -Be 0
    }

    It 'a bad PANDAPON_PROXY is an environment error that hides the password' {
        $result = Invoke-RefundInChild @{ PANDAPON_PROXY = 'http://alice:N0tInAnyError@127.0.0.1:9' }
        $result.ErrorId | Should -BeLike 'Pandapon.InvalidEnvironment,*'
        $message = $result.Error
        $message | Should -Match ([regex]::Escape("PANDAPON_PROXY 'http://***@127.0.0.1:9' is not a valid proxy address"))
        $message | Should -Not -Match 'N0tInAnyError'
    }
}

Describe 'The proxy password' {
    It 'appears in no stream, no transcript, no $Error entry and no credential view, even with -Verbose -Debug' {
        # A child pwsh whose proxy password comes from the environment, so no script text holds it.
        $result = Invoke-IsolatedPwsh -Environment @{
            PANDAPON_ACCESS_KEY = $sandbox.accessKey; PANDAPON_SECRET_KEY = $sandbox.secretKey
            PANDAPON_USER_ID = $sandbox.userId; PANDAPON_ENDPOINT = $sandbox.endpoint
            PANDAPON_CONFIG_DIR = (New-TestConfigDirectory); POWERSHELL_TELEMETRY_OPTOUT = '1'
            PANDAPON_TEST_PROXY = $guarded.Address; PANDAPON_TEST_PROXY_PASSWORD = $proxyPassword; PANDAPON_TEST_ID = $id
        } -ScriptBlock {
            $good = [pscredential]::new('alice', (ConvertTo-SecureString $env:PANDAPON_TEST_PROXY_PASSWORD -AsPlainText -Force))
            $bad = [pscredential]::new('alice', (ConvertTo-SecureString ($env:PANDAPON_TEST_PROXY_PASSWORD + 'x') -AsPlainText -Force))
            $calls = {
                Clear-PandaponCredential   # each run starts from the environment's credentials
                Get-PandaponRefund $env:PANDAPON_TEST_ID -Proxy $env:PANDAPON_TEST_PROXY -ProxyCredential $good -Verbose -Debug | Format-List * | Out-String -Width 300
                Get-PandaponRefund $env:PANDAPON_TEST_ID -Proxy $env:PANDAPON_TEST_PROXY -ProxyCredential $bad -Verbose -Debug -ErrorAction Continue
                Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $env:PANDAPON_TEST_ID } -Proxy $env:PANDAPON_TEST_PROXY -ProxyCredential $bad -Verbose -Debug -ErrorAction Continue
                Set-PandaponCredential -AccessKey $env:PANDAPON_ACCESS_KEY -SecretKey $env:PANDAPON_SECRET_KEY -UserId $env:PANDAPON_USER_ID -Endpoint $env:PANDAPON_ENDPOINT `
                    -Proxy $env:PANDAPON_TEST_PROXY -ProxyCredential $good -StoreAs viaproxy -Verbose -Debug -PassThru | Format-List * | Out-String -Width 300
                Set-PandaponCredential -ProfileName viaproxy -Verbose -Debug -PassThru | Format-List * | Out-String -Width 300
                Get-PandaponCredential -Verbose -Debug | Format-List * | Out-String -Width 300
                Get-PandaponCredential -ListAvailable | Format-List * | Out-String -Width 300
                Get-PandaponRefund $env:PANDAPON_TEST_ID -Verbose -Debug | ConvertTo-Json -Depth 5
                Test-PandaponCredential -Verbose -Debug | Format-List * | Out-String -Width 300
                Get-PandaponHistory | Format-List * | Out-String -Width 300
            }
            Get-EverythingShown $calls
        }
        foreach ($text in $result.Streams, $result.Transcript, $result.Errors) {
            $text | Should -Not -BeNullOrEmpty
            $text | Should -Not -Match ([regex]::Escape($proxyPassword))
            # Nor its Basic form.
            $text | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("alice:$proxyPassword"))))
        }
        # ... while they did carry the proxy and the refusals (so the checks above looked at something).
        foreach ($text in $result.Streams, $result.Transcript) {
            $text | Should -Match ([regex]::Escape("through the proxy $($guarded.Address) (user alice)"))
            $text | Should -Match 'DEBUG: |canonical string'
        }
        $result.Errors | Should -Match 'Pandapon.ProxyAuthentication'
        $result.Errors | Should -Match "did not accept the user name 'alice'"
        $result.ErrorCount | Should -BeGreaterOrEqual 4
        $guarded.Forwarded | Should -BeGreaterOrEqual 6
    }
}
}
