BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $sandbox = Get-TestSandbox
    $configuration = $env:PANDAPON_TEST_CONFIGURATION
    $ids = (Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds")   # one JSON array
    Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
}

AfterAll {
    Clear-PandaponCredential
}

Describe 'Invoke-PandaponRequest against the sandbox' {
    It 'reads a refund, signed, as a PSCustomObject whose 19-digit numbers are exact' {
        $refund = Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $ids[0] }
        $refund | Should -BeOfType [pscustomobject]
        $refund.refundId | Should -Be $ids[0]

        # The same refund, signed by hand with Get-PandaponSignature, read as raw text.
        $sig = Get-PandaponSignature -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey
        $headers = @{ 'access-key' = $sandbox.accessKey; 'timestamp' = $sig.Timestamp; 'nonce-str' = $sig.Nonce; 'user-id' = $sandbox.userId; 'signature' = $sig.Signature }
        $raw = (Invoke-WebRequest -Method Post -Uri "$($sandbox.endpoint)/alibaba/refund/info" -Headers $headers -ContentType 'application/json' `
            -Body (@{ refundId = $ids[0] } | ConvertTo-Json)).Content
        $rawOrderId = [regex]::Match($raw, '"orderId":(\d+)').Groups[1].Value
        $rawOrderId | Should -Match '^\d{19}$'
        $refund.orderId.GetType().Name | Should -BeIn 'Int64', 'Decimal'
        $refund.orderId.ToString([cultureinfo]::InvariantCulture) | Should -Be $rawOrderId
    }

    It 'sends -Query parameters (the refund id as the older documents show it)' {
        (Invoke-PandaponRequest /alibaba/refund/info -Method Post -Query @{ refundId = $ids[1] }).refundId | Should -Be $ids[1]
        (Invoke-PandaponRequest "/alibaba/refund/info?refundId=$($ids[2])" -Method Post).refundId | Should -Be $ids[2]
    }

    It 'takes the body as JSON text too' {
        (Invoke-PandaponRequest /alibaba/refund/info -Body "{`"refundId`":`"$($ids[3])`"}").refundId | Should -Be $ids[3]
    }

    It 'returns the whole envelope with -Envelope' {
        $envelope = Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $ids[0] } -Envelope
        $envelope.code | Should -Be 200
        $envelope.msg | Should -Be '成功'
        $envelope.requestId | Should -Match '^[0-9a-f]{32}$'
        $envelope.data.refundId | Should -Be $ids[0]
    }

    It 'gives with -Raw the same data as Get-PandaponRefund -Raw: one meaning of -Raw' {
        $viaInvoke = Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $ids[0] } -Idempotent -Raw
        $viaGet = Get-PandaponRefund $ids[0] -Raw
        $viaInvoke.PSObject.Properties.Name | Should -Not -Contain 'requestId'
        $viaInvoke.refundId | Should -Be $ids[0]
        ($viaInvoke | ConvertTo-Json -Depth 10 -Compress) | Should -Be ($viaGet | ConvertTo-Json -Depth 10 -Compress)
    }

    It 'writes an error record with code, msg and requestId for an unknown refund, and goes on' {
        $results = @(
            Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = 'TQ00000000000000000' } -ErrorVariable errs -ErrorAction SilentlyContinue
            Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $ids[0] }
        )
        $results.Count | Should -Be 1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'Pandapon.NotFound,Pandapon.Commands.InvokePandaponRequestCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject | Should -Be 'POST /alibaba/refund/info'
        $errs[0].Exception.Code | Should -Be 40401
        $errs[0].Exception.ServerMessage | Should -Be 'refund not found: TQ00000000000000000'
        $errs[0].Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
        $errs[0].Exception.Message | Should -BeLike "*code 40401, msg 'refund not found: TQ00000000000000000', requestId $($errs[0].Exception.RequestId)*"
    }

    It 'surfaces a signature refusal (40104) with code, msg and requestId, and does not retry it' {
        $before = Get-SandboxStats $sandbox
        $wrong = [pscredential]::new($sandbox.accessKey, (ConvertTo-SecureString 'wrong-secret' -AsPlainText -Force))
        $e = $null
        try { Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $ids[0] } -Credential $wrong -UserId $sandbox.userId -Endpoint $sandbox.endpoint -ErrorAction Stop }
        catch { $e = $_ }
        $after = Get-SandboxStats $sandbox

        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.Authentication,*'
        $e.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $e.Exception.Code | Should -Be 40104
        $e.Exception.HttpStatus | Should -Be 401
        $e.Exception.ServerMessage | Should -BeLike 'signature mismatch*'
        $e.Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
        $e.Exception.Message | Should -BeLike "*code 40104, msg 'signature mismatch*', requestId $($e.Exception.RequestId) (HTTP 401)*"
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*secret key and the signature recipe*'
        ($after.refusals.signatureMismatch - $before.refusals.signatureMismatch) | Should -Be 1
    }

    It 'surfaces a user-id refusal (40103) from -UserId' {
        $e = $null
        try { Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $ids[0] } -UserId 9999999999999 -ErrorAction Stop } catch { $e = $_ }
        $e.Exception.Code | Should -Be 40103
        $e.Exception.Message | Should -BeLike '*user-id does not match*'
    }

    It 'refuses bad input before sending anything' {
        $before = (Get-SandboxStats $sandbox).total
        $attempts = @(
            { Invoke-PandaponRequest "$($sandbox.endpoint)/alibaba/refund/info" }
            { Invoke-PandaponRequest alibaba/refund/info }
            { Invoke-PandaponRequest /alibaba/refund/info -Body '{"refundId":' }
            { Invoke-PandaponRequest /alibaba/refund/info -Method Get -Body @{ refundId = 'x' } }
            { Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = 'x' } -Endpoint 'http://example.com' }
            { Invoke-PandaponRequest /alibaba/refund/info -Body @{ secret = (ConvertTo-SecureString 'x' -AsPlainText -Force) } }
            { Invoke-PandaponRequest /alibaba/refund/info -Credential ([pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))) }
            { Invoke-PandaponRequest /alibaba/refund/info -SignatureTemplate 'access-key={AccessKey}&key={Secret}' }
        )
        $messages = foreach ($attempt in $attempts) {
            try { & $attempt -ErrorAction Stop; 'no error' } catch { $_.Exception.Message }
        }
        (Get-SandboxStats $sandbox).total | Should -Be $before
        $messages[0] | Should -BeLike "-Path '$($sandbox.endpoint)/alibaba/refund/info' is not valid: it is a full URL*"
        $messages[1] | Should -BeLike "-Path 'alibaba/refund/info' is not valid: it must start with '/'*"
        $messages[2] | Should -BeLike "-Body is a string but not valid JSON*"
        $messages[3] | Should -BeLike '-Body is sent only with -Method Post*'
        $messages[4] | Should -BeLike "-Endpoint 'http://example.com' is not a valid PandaPon endpoint*"
        $messages[5] | Should -BeLike '-Body.secret is a SecureString*'
        $messages[6] | Should -BeLike '-UserId is required with -Credential*'
        $messages[7] | Should -BeLike "-SignatureTemplate 'access-key={AccessKey}&key={Secret}' is not valid*{Secret}*"
    }

    It 'completes -Path with the documented endpoints' {
        $line = 'Invoke-PandaponRequest /alibaba/refund/'
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $matches.CompletionText | Should -Contain '/alibaba/refund/info'
        $matches.CompletionText | Should -Contain '/alibaba/refund/goods/return'
        ($matches | Where-Object CompletionText -eq '/alibaba/refund/info').ToolTip | Should -BeLike 'POST /alibaba/refund/info*'
    }
}

Describe 'Invoke-PandaponRequest with a custom signature recipe' {
    BeforeAll {
        $template = 'method={Method}&path={Path}&ts={Timestamp}&nonce={Nonce}&user={UserId}&secret={SecretKey}'
        $custom = Start-PandaponSandbox -Configuration $configuration -ArgumentList @(
            '--signature-template', $template, '--signature-algorithm', 'HMAC-SHA256', '--signature-case', 'Lower')
        $env:PANDAPON_CONFIG_DIR = New-TestConfigDirectory
        $customId = (Invoke-RestMethod "$($custom.endpoint)/sandbox/refunds")[0]
        $keys = [pscredential]::new($custom.accessKey, (ConvertTo-SecureString $custom.secretKey -AsPlainText -Force))
        $call = @{ Credential = $keys; UserId = $custom.userId; Endpoint = $custom.endpoint; Body = @{ refundId = $customId } }
    }
    AfterAll {
        $custom | Stop-PandaponSandbox
    }

    It 'is refused with the default recipe' {
        { Invoke-PandaponRequest /alibaba/refund/info @call -ErrorAction Stop } | Should -Throw -ExpectedMessage '*code 40104*'
    }

    It 'signs with -SignatureTemplate, -SignatureAlgorithm and -SignatureCase on the call' {
        (Invoke-PandaponRequest /alibaba/refund/info @call -SignatureTemplate $template -SignatureAlgorithm HMAC-SHA256 -SignatureCase Lower).refundId |
            Should -Be $customId
    }

    It 'signs with the recipe kept in a profile' {
        Set-PandaponCredential -AccessKey $custom.accessKey -SecretKey $custom.secretKey -UserId $custom.userId -Endpoint $custom.endpoint `
            -SignatureTemplate $template -SignatureAlgorithm HMAC-SHA256 -SignatureCase Lower -StoreAs custom
        Clear-PandaponCredential
        (Invoke-PandaponRequest /alibaba/refund/info -ProfileName custom -Body @{ refundId = $customId }).refundId | Should -Be $customId
        (Get-PandaponCredential -ProfileName custom).SignatureTemplate | Should -Be $template
    }
}

Describe 'Invoke-PandaponRequest retries, timeouts and Ctrl+C' {
    BeforeAll {
        $failing = Start-PandaponSandbox -Configuration $configuration -ArgumentList @('--fault-rate', '1', '--fault-kinds', 'server')
        $stalling = Start-PandaponSandbox -Configuration $configuration -ArgumentList @('--fault-rate', '1', '--fault-kinds', 'stall')
        function Use-Sandbox($sb) {
            @{ Credential = [pscredential]::new($sb.accessKey, (ConvertTo-SecureString $sb.secretKey -AsPlainText -Force)); UserId = $sb.userId; Endpoint = $sb.endpoint }
        }
    }
    AfterAll {
        $failing, $stalling | Stop-PandaponSandbox
    }

    It 'retries an idempotent request after server errors, showing each retry in Verbose, then reports the last failure' {
        $call = Use-Sandbox $failing
        $before = (Get-SandboxStats $failing).faults.server
        $e = $null
        $verbose = try {
            Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = 'TQ1' } -Idempotent -MaxRetries 2 @call -Verbose -ErrorAction Stop 4>&1
        } catch { $e = $_ }
        ((Get-SandboxStats $failing).faults.server - $before) | Should -Be 3
        $e.Exception.Attempts | Should -Be 3
        $e.Exception.Code | Should -Be 50001
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.Server,*'
        $e.Exception.Message | Should -BeLike '*Gave up after 3 attempts*'
        $lines = @($verbose | ForEach-Object { "$_" })
        $lines | Where-Object { $_ -like 'POST *retrying in * s (attempt 2 of 3).' } | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_ -like 'POST *(attempt 3 of 3); timeout * s' } | Should -Not -BeNullOrEmpty
    }

    It 'never retries a POST that is not marked idempotent, and says so' {
        $call = Use-Sandbox $failing
        $before = (Get-SandboxStats $failing).faults.server
        $e = $null
        try { Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = 'TQ1' } @call -ErrorAction Stop } catch { $e = $_ }
        ((Get-SandboxStats $failing).faults.server - $before) | Should -Be 1
        $e.Exception.Message | Should -BeLike '*not retried because POST /alibaba/refund/info is not idempotent*'
    }

    It 'times out after -TimeoutSec' {
        $call = Use-Sandbox $stalling
        $e = $null
        try { Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = 'TQ1' } @call -TimeoutSec 1 -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.Timeout,*'
        $e.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $e.Exception.Message | Should -BeLike '*timed out: no answer within 1 s.*may or may not have taken effect*Raise -TimeoutSec*'
    }

    It 'ends a request in flight at once when the pipeline is stopped (Ctrl+C)' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($module, $call)
                    Import-Module $module
                    Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = 'TQ1' } @call -TimeoutSec 0
                }).AddArgument((Get-TestModulePath)).AddArgument((Use-Sandbox $stalling))
            $before = (Get-SandboxStats $stalling).total
            $running = $ps.BeginInvoke()
            while ((Get-SandboxStats $stalling).total -eq $before) { Start-Sleep -Milliseconds 50 }
            # The stall lasts 120 s; Stop must not wait for it (60 s is a bound for a loaded machine, not a measurement).
            $stopping = $ps.BeginStop($null, $null)
            $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(60)) | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Invoke-PandaponRequest output, against a stub server' {
    BeforeAll {
        function Invoke-Stub([string]$Body, [int]$Status = 200, [scriptblock]$Call) {
            $stub = Start-StubApi -Body $Body -Status $Status
            try {
                $credential = [pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
                & $Call @{ Credential = $credential; UserId = '1'; Endpoint = $stub.Endpoint }
            }
            finally { $stub.Dispose() }
        }
    }

    It 'enumerates a top-level data array into the pipeline (and keeps it whole with -Raw, the data as sent)' {
        $body = '{"requestId":"r","code":200,"msg":"成功","data":[{"companyNo":"ZTO"},{"companyNo":"HTKY"},{"companyNo":"SF"}]}'
        $items = Invoke-Stub $body -Call { param($c) Invoke-PandaponRequest /logistics/companies @c }
        $items.Count | Should -Be 3
        $items[1].companyNo | Should -Be 'HTKY'
        ($items | Measure-Object).Count | Should -Be 3
        $raw = @(Invoke-Stub $body -Call { param($c) , (Invoke-PandaponRequest /logistics/companies @c -Raw) })
        $raw.Count | Should -Be 1
        $raw[0].Count | Should -Be 3
        $raw[0][2].companyNo | Should -Be 'SF'
        $envelope = @(Invoke-Stub $body -Call { param($c) Invoke-PandaponRequest /logistics/companies @c -Envelope })
        $envelope.Count | Should -Be 1
        $envelope[0].data.Count | Should -Be 3
    }

    It 'keeps numbers exact: long when they fit, else decimal' {
        $body = '{"code":200,"data":{"small":7,"orderId":2059624776425880794,"huge":98765432109876543210,"amount":12.30,"flag":true,"none":null,"nested":{"ids":[1,2]}}}'
        $d = Invoke-Stub $body -Call { param($c) Invoke-PandaponRequest /x @c }
        $d.small | Should -BeOfType [long]
        $d.orderId | Should -BeOfType [long]
        $d.orderId | Should -Be 2059624776425880794
        $d.huge | Should -BeOfType [decimal]
        $d.huge.ToString([cultureinfo]::InvariantCulture) | Should -Be '98765432109876543210'
        $d.amount | Should -BeOfType [decimal]
        $d.amount | Should -Be 12.30
        $d.flag | Should -BeTrue
        $d.none | Should -BeNullOrEmpty
        $d.nested.ids | Should -Be @(1, 2)
        ($d | ConvertTo-Json -Compress) | Should -BeLike '*"orderId":2059624776425880794,*'
    }

    It 'reports an HTML 502 with the status and the start of the page, after retrying a GET' {
        $page = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>' + ('<!-- padding -->' * 20) + '</body></html>'
        $stub = Start-StubApi -Body $page -Status 502 -ContentType 'text/html'
        try {
            $credential = [pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
            $e = $null
            try { Invoke-PandaponRequest /x -Credential $credential -UserId 1 -Endpoint $stub.Endpoint -MaxRetries 1 -ErrorAction Stop } catch { $e = $_ }
            $stub.Requests | Should -Be 2
        }
        finally { $stub.Dispose() }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.Server,*'
        $e.Exception.HttpStatus | Should -Be 502
        $e.Exception.Message | Should -BeLike "*HTTP 502 Bad Gateway with a body that is not valid JSON*'$($page.Substring(0, 200))…'*"
    }

    It 'reports data.success=false as a failure with errorCode and errorInfo' {
        $body = '{"requestId":"abc","code":200,"msg":"成功","data":{"success":false,"errorCode":"4005","errorInfo":"退款单不存在"}}'
        $e = $null
        Invoke-Stub $body -Call { param($c) try { Invoke-PandaponRequest /alibaba/refund/goods/return @c -Body @{ refundId = 'TQ1' } -ErrorAction Stop } catch { $script:e = $_ } }
        $script:e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.Business,*'
        $script:e.Exception.Code | Should -Be 4005
        $script:e.Exception.Message | Should -BeLike "*errorCode '4005', errorInfo '退款单不存在', requestId abc*"
    }
}
