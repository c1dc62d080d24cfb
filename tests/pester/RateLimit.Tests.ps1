BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $configuration = if ($env:PANDAPON_TEST_CONFIGURATION) { $env:PANDAPON_TEST_CONFIGURATION } else { 'Release' }
    $savedConfigDir = $env:PANDAPON_CONFIG_DIR

    function Get-Params($Sandbox) {
        @{ Credential = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString $Sandbox.secretKey -AsPlainText -Force)); UserId = $Sandbox.userId; Endpoint = $Sandbox.endpoint }
    }
}

AfterAll {
    $env:PANDAPON_CONFIG_DIR = $savedConfigDir
    Remove-Item env:PANDAPON_ADAPTIVE_RATE -ErrorAction SilentlyContinue
}

Describe 'The shared rate limiter against a sandbox with --rate-limit' {
    # Each test starts its own sandbox: a new endpoint is a new limiter, so no test inherits what another taught it.

    It 'loses nothing in a ForEach-Object -Parallel batch over the limit: every id is an object or an error record' {
        # 3 runspaces x 16 in flight = 48 at once against 20 per second: the first burst is answered 429 for sure.
        $limited = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--refunds', '120', '--rate-limit', '20'
        try {
            $ids = @((Invoke-RestMethod "$($limited.endpoint)/sandbox/refunds")[0..119])
            $chunks = for ($i = 0; $i -lt 3; $i++) { , $ids[($i * 40)..($i * 40 + 39)] }
            $module = Get-TestModulePath
            $params = Get-Params $limited
            $parts = $chunks | ForEach-Object -ThrottleLimit 3 -Parallel {
                Import-Module $using:module
                $p = $using:params
                $errs = $null
                $objects = @($_ | Get-PandaponRefund @p -ThrottleLimit 16 -MaxRetries 6 -ErrorAction SilentlyContinue -ErrorVariable errs)
                [pscustomobject]@{ Ids = @($objects.RefundId) + @($errs | ForEach-Object { "$($_.TargetObject)" }); Errors = @($errs).Count }
            }
            $answered = @($parts.Ids)
            ($answered | Sort-Object) | Should -Be ($ids | Sort-Object)
            ($parts | Measure-Object Errors -Sum).Sum | Should -Be 0
            $stats = Get-SandboxStats $limited
            $stats.refusals.rateLimited | Should -BeGreaterThan 0
            $stats.faults.ratelimit | Should -Be 0   # the limit's 429s are not the injected fault's
            $stats.succeeded | Should -Be 120
            $stats.requests.'/alibaba/refund/info' | Should -Be (120 + $stats.refusals.rateLimited)
        }
        finally { $limited | Stop-PandaponSandbox }
    }

    It 'answers over the limit with HTTP 429, code 42902 and Retry-After; with the adaptive part off each id still yields an object or an error' {
        $limited = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--refunds', '30', '--rate-limit', '5'
        $env:PANDAPON_ADAPTIVE_RATE = '0'
        try {
            $ids = @((Invoke-RestMethod "$($limited.endpoint)/sandbox/refunds")[0..29])
            $params = Get-Params $limited
            $refunds = @($ids | Get-PandaponRefund @params -ThrottleLimit 16 -MaxRetries 0 -ErrorVariable errs -ErrorAction SilentlyContinue)
            $refunds.Count + $errs.Count | Should -Be 30
            $errs.Count | Should -BeGreaterThan 0
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Pandapon.RateLimited*'
            $errs[0].Exception.Code | Should -Be 42902
            $errs[0].Exception.HttpStatus | Should -Be 429
            $errs[0].Exception.RetryAfter | Should -Be ([timespan]::FromSeconds(1))
            (Get-SandboxStats $limited).refusals.rateLimited | Should -Be $errs.Count
        }
        finally {
            Remove-Item env:PANDAPON_ADAPTIVE_RATE -ErrorAction SilentlyContinue
            $limited | Stop-PandaponSandbox
        }
    }

    It 'says in -Verbose once per call that requests wait for the limit, not once per request' {
        $sandbox = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--refunds', '8'
        try {
            $ids = @((Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds")[0..7])
            $params = Get-Params $sandbox
            $verbose = Get-PandaponRefund -RefundId $ids @params -MaxRequestsPerSecond 20 -ThrottleLimit 8 -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            $waits = @($verbose | Where-Object Message -like '*waiting for the rate limit*')
            $waits.Count | Should -Be 1
            $waits[0].Message | Should -BeLike '*20 requests/s, the configured maximum*'
        }
        finally { $sandbox | Stop-PandaponSandbox }
    }

    It 'refuses a -MaxRequestsPerSecond below 0, naming the parameter, before any request' {
        { Get-PandaponRefund -RefundId TQ22222222222222222 -MaxRequestsPerSecond -1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,Pandapon.Commands.GetPandaponRefundCommand'
    }
}

Describe 'MaxRequestsPerSecond in profiles and the environment' {
    BeforeAll {
        $env:PANDAPON_CONFIG_DIR = New-TestConfigDirectory
    }

    It 'is kept in a profile only when given, and Get-PandaponCredential shows it' {
        Set-PandaponCredential -AccessKey 'limited-access-key-01' -SecretKey 'secret' -UserId '1' -MaxRequestsPerSecond 12.5 -StoreAs limited
        Set-PandaponCredential -AccessKey 'plain-access-key-0001' -SecretKey 'secret' -UserId '1' -StoreAs plain
        $stored = Get-Content (Join-Path $env:PANDAPON_CONFIG_DIR 'credentials.json') -Raw | ConvertFrom-Json
        $stored.profiles.limited.maxRequestsPerSecond | Should -Be 12.5
        $stored.profiles.plain.PSObject.Properties.Name | Should -Not -Contain 'maxRequestsPerSecond'
        (Get-PandaponCredential -ProfileName limited).MaxRequestsPerSecond | Should -Be 12.5
        (Get-PandaponCredential -ProfileName plain).MaxRequestsPerSecond | Should -Be 0
    }

    It 'takes PANDAPON_MAX_RPS when the credentials set none; a profile''s own value wins; a bad value is an error naming it' {
        $result = Invoke-IsolatedPwsh -Environment @{ PANDAPON_MAX_RPS = '7'; PANDAPON_CONFIG_DIR = $env:PANDAPON_CONFIG_DIR } -ScriptBlock {
            Set-PandaponCredential -ProfileName plain
            $plain = (Get-PandaponCredential).MaxRequestsPerSecond
            Set-PandaponCredential -ProfileName limited
            $limited = (Get-PandaponCredential).MaxRequestsPerSecond
            [pscustomobject]@{ Plain = $plain; Limited = $limited }
        }
        $result.Plain | Should -Be 7
        $result.Limited | Should -Be 12.5

        $bad = Invoke-IsolatedPwsh -Environment @{ PANDAPON_MAX_RPS = 'fast'; PANDAPON_CONFIG_DIR = $env:PANDAPON_CONFIG_DIR } -ScriptBlock {
            Set-PandaponCredential -ProfileName plain
            try { Get-PandaponCredential -ErrorAction Stop; 'no error' } catch { $_.Exception.Message }
        }
        $bad | Should -BeLike "*PANDAPON_MAX_RPS 'fast' is not valid*"
    }
}
