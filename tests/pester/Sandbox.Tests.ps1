# The sandbox as the module and users' runbook tests meet it: requests are signed by hand with the module's
# Get-PandaponSignature and sent with Invoke-WebRequest, so nothing here depends on the module's HTTP client.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Config = $env:PANDAPON_TEST_CONFIGURATION
    $script:Main = Get-TestSandbox
    $script:RefundPath = '/alibaba/refund/info'

    # The seed's data object (shared/seeds/000_612d2433f49feb28.txt): every wire name in order, with its type.
    # refundOperationList is the exception: the seed types it string, the sandbox sends an array (issue 4).
    $script:SeedFields = [ordered]@{}
    foreach ($pair in (@'
id:n createBy:s createById:n createTime:s updateBy:s updateById:n updateTime:s remark:s alipayPaymentId:s
applyCarriage:n applyExpect:n applyPayment:n applyReason:s applyReasonId:n applySubReason:s applySubReasonId:n
buyerAlipayId:s buyerLogisticsName:s buyerMemberId:s buyerSendGoods:b buyerUserId:n canRefundPayment:n
crmModifyRefund:b disburseChannel:s disputeRequest:n disputeType:n extInfo:s freightBill:s frozenFund:n
gmtApply:s gmtCompleted:s gmtCreate:s gmtFreezed:s gmtModified:s gmtTimeOut:s goodsReceived:b goodsStatus:n
refundId:s instantRefundType:s insufficientAccount:b insufficientBail:b newRefundReturn:b onlyRefund:b
orderEntryCountMap:s orderEntryIdList:s orderId:n prepaidBalance:n productName:s refundCarriage:n refundGoods:b
refundPayment:n rejectReason:s rejectReasonId:n rejectTimes:n sellerAlipayId:s sellerDelayDisburse:b
sellerMemberId:s sellerMobile:s sellerRealName:s sellerReceiveAddress:s sellerTel:s sellerUserId:s status:s
supportNewSteppay:b taskStatus:s timeOutFreeze:b timeOutOperateType:s tradeTypeStr:s refundOperationList:a
buyerLoginId:s sellerLoginId:s
'@ -split '\s+' | Where-Object { $_ })) {
        $name, $kind = $pair -split ':'
        $script:SeedFields[$name] = @{ n = 'Number'; s = 'String'; b = 'Boolean'; a = 'Array' }[$kind]
    }
    $script:Statuses = 'waitselleragree', 'waitbuyermodify', 'waitbuyersend', 'waitsellerreceive', 'refundsuccess', 'refundclose'

    function New-SandboxHeaders {
        <# The five system headers, signed with the module's Get-PandaponSignature. -Signing overrides what is
           signed (a wrong secret, another recipe); -Header overrides what is sent; -Omit leaves headers out. #>
        param($Sandbox, [hashtable]$Signing = @{}, [hashtable]$Header = @{}, [string[]]$Omit = @(), [string]$Body = '', [string]$Method = 'POST')
        $sign = @{ AccessKey = $Sandbox.accessKey; SecretKey = $Sandbox.secretKey; UserId = $Sandbox.userId; Method = $Method; Path = $RefundPath; Body = $Body }
        foreach ($k in $Signing.Keys) { $sign[$k] = $Signing[$k] }
        $s = Get-PandaponSignature @sign
        $headers = [ordered]@{ 'access-key' = $s.AccessKey; 'timestamp' = $s.Timestamp; 'nonce-str' = $s.Nonce; 'user-id' = $Sandbox.userId; 'signature' = $s.Signature }
        foreach ($k in $Header.Keys) { $headers[$k] = $Header[$k] }
        foreach ($k in $Omit) { $headers.Remove($k) }
        $headers
    }

    function Send-Sandbox {
        <# One request; returns Status, Headers, Content (text) and Json (null when the content is not JSON). #>
        param($Sandbox, [System.Collections.IDictionary]$Headers, [string]$Query = '', [string]$Body = '', [string]$Method = 'POST',
            [string]$Path = $RefundPath, [int]$TimeoutSec = 15)
        $request = @{
            Uri = "$($Sandbox.endpoint)$Path$Query"; Method = $Method; Headers = $Headers; SkipHttpErrorCheck = $true
            SkipHeaderValidation = $true; TimeoutSec = $TimeoutSec; ContentType = 'application/json'
        }
        if ($Body) { $request.Body = [Text.Encoding]::UTF8.GetBytes($Body) }
        $r = Invoke-WebRequest @request
        $json = try { $r.Content | ConvertFrom-Json -ErrorAction Stop } catch { $null }
        [pscustomobject]@{ Status = [int]$r.StatusCode; Headers = $r.Headers; Content = [string]$r.Content; Json = $json }
    }

    function Get-Refund {
        <# A correctly signed refund request, refundId in the query string (or in the body with -InBody). #>
        param($Sandbox, [string]$RefundId, [switch]$InBody)
        if ($InBody) {
            $body = @{ refundId = $RefundId } | ConvertTo-Json -Compress
            Send-Sandbox $Sandbox -Headers (New-SandboxHeaders $Sandbox -Body $body) -Body $body
        }
        else {
            Send-Sandbox $Sandbox -Headers (New-SandboxHeaders $Sandbox) -Query "?refundId=$([uri]::EscapeDataString($RefundId))"
        }
    }

    # The raw "data" value of an envelope: compared as text, so two records are equal only if every byte is.
    function Get-RawData([string]$Content) { $Content.Substring($Content.IndexOf('"data":')) }

    function Get-RefundIds($Sandbox) { @(Invoke-RestMethod "$($Sandbox.endpoint)/sandbox/refunds") }
    function Get-Stats($Sandbox) { Invoke-RestMethod "$($Sandbox.endpoint)/sandbox/stats" }

    function Invoke-SandboxExe([string[]]$Arguments) {
        <# Runs the sandbox to completion (for argument errors): exit code, stdout and stderr. #>
        $psi = [Diagnostics.ProcessStartInfo]::new('dotnet')
        $psi.ArgumentList.Add((Get-SandboxAssembly -Configuration $Config))
        foreach ($a in $Arguments) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $p = [Diagnostics.Process]::Start($psi)
        $out = $p.StandardOutput.ReadToEndAsync()
        $err = $p.StandardError.ReadToEndAsync()
        if (-not $p.WaitForExit(60000)) { $p.Kill($true); throw "The sandbox did not exit with: $Arguments" }
        [pscustomobject]@{ ExitCode = $p.ExitCode; StdOut = $out.Result; StdErr = $err.Result }
    }

    # The extra sandboxes this file needs, started together (their start-up overlaps) and stopped in AfterAll.
    $custom = @('--refunds', '3', '--access-key', 'ak-custom', '--secret-key', 'sk-custom', '--user-id', '2100000000042',
        '--signature-template', '{Method}|{Path}|{Body}|{Timestamp}|{Nonce}|{UserId}', '--signature-algorithm', 'HMAC-SHA256',
        '--signature-case', 'Lower', '--latency-ms', '300')
    $lists = @{
        custom   = $custom
        seed42   = @('--seed', '42', '--refunds', '30')
        seed42b  = @('--seed', '42', '--refunds', '10')
        seed43   = @('--seed', '43', '--refunds', '10')
        mixedA   = @('--seed', '7', '--refunds', '5', '--fault-rate', '0.5', '--fault-kinds', 'ratelimit,server')
        mixedB   = @('--seed', '7', '--refunds', '5', '--fault-rate', '0.5', '--fault-kinds', 'ratelimit,server')
    }
    foreach ($kind in 'ratelimit', 'server', 'badgateway', 'malformed', 'reset', 'stall') {
        $lists["fault-$kind"] = @('--refunds', '2', '--fault-rate', '1', '--fault-kinds', $kind)
    }
    $script:Extra = Start-PandaponSandboxSet -Configuration $Config -ArgumentLists $lists
}

AfterAll {
    if ($script:Extra) { $script:Extra.Values | Stop-PandaponSandbox }
}

Describe 'Sandbox start' {
    It 'prints exactly one JSON line with a 127.0.0.1 endpoint and the keys it was given' {
        $s = $Extra.custom
        ($s.JsonLine | ConvertFrom-Json).PSObject.Properties.Name | Should -Be @('endpoint', 'accessKey', 'secretKey', 'userId')
        $s.endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
        $s.accessKey | Should -Be 'ak-custom'
        $s.secretKey | Should -Be 'sk-custom'
        $s.userId | Should -Be '2100000000042'
        $Main.endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
        $Main.accessKey | Should -Match '^[0-9a-f]{32}$'
    }

    It 'listens on 127.0.0.1 only, whatever Kestrel endpoints the environment names' {
        $probe = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $env:Kestrel__Endpoints__Stray__Url = "http://0.0.0.0:$port"
        try { $s = Start-PandaponSandbox -Configuration $Config -ArgumentList '--refunds', '0' }
        finally { Remove-Item env:Kestrel__Endpoints__Stray__Url }
        try {
            $s.endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
            $client = [Net.Sockets.TcpClient]::new()
            { $client.Connect([Net.IPAddress]::Loopback, $port) } | Should -Throw
            $client.Dispose()
        }
        finally { $s | Stop-PandaponSandbox }
    }

    It 'refuses <Arguments> with exit code 2, a message naming it on stderr and nothing on stdout' -ForEach @(
        @{ Arguments = @('--fault-rate', '1.5'); Expected = "*--fault-rate '1.5'*" }
        @{ Arguments = @('--port', 'http'); Expected = "*--port 'http'*" }
        @{ Arguments = @('--fault-kinds', 'ratelimit,meteor'); Expected = "*'meteor' is not a fault kind*" }
        @{ Arguments = @('--no-such-option', '1'); Expected = "*unknown option '--no-such-option'*" }
        @{ Arguments = @('--signature-algorithm', 'MD4'); Expected = "*--signature-algorithm 'MD4'*" }
        @{ Arguments = @('--signature-template', 'a={Secret}'); Expected = "*--signature-template 'a={Secret}'*{Secret}*" }
        @{ Arguments = @('--refunds'); Expected = '*--refunds needs a value*' }
    ) {
        $r = Invoke-SandboxExe $Arguments
        $r.ExitCode | Should -Be 2
        $r.StdOut | Should -BeNullOrEmpty
        $r.StdErr | Should -BeLike $Expected
    }

    It 'never echoes a bad --secret-key' {
        $r = Invoke-SandboxExe @('--secret-key', 'top secret')
        $r.ExitCode | Should -Be 2
        $r.StdErr | Should -BeLike '*--secret-key*'
        $r.StdErr | Should -Not -BeLike '*top secret*'
    }

    It 'exits by itself when its --parent-pid process ends' {
        $parent = Start-PandaponSandbox -Configuration $Config -ArgumentList '--refunds', '0'
        $child = Start-PandaponSandbox -Configuration $Config -ArgumentList '--refunds', '0', '--parent-pid', "$($parent.Process.Id)"
        try {
            $child.Process.HasExited | Should -BeFalse
            $parent | Stop-PandaponSandbox
            $child.Process.WaitForExit(30000) | Should -BeTrue
            $child.Process.ExitCode | Should -Be 0
            $child.Process.StandardOutput.ReadToEnd() | Should -BeNullOrEmpty   # nothing after the JSON line
        }
        finally { $parent, $child | Stop-PandaponSandbox }
    }
}

Describe 'Sandbox authentication' {
    It 'answers a correctly signed request with the success envelope' {
        $r = Get-Refund $Main (Get-RefundIds $Main)[0]
        $r.Status | Should -Be 200
        $r.Headers['Content-Type'] | Should -Match '^application/json;\s?charset=UTF-8$'
        $r.Json.code | Should -Be 200
        $r.Json.msg | Should -Be '成功'
        $r.Json.requestId | Should -Match '^[0-9a-f]{32}$'
        $r.Json.developId | Should -Match '^\d{19}$'
        $r.Content | Should -Match '"developId":"\d{19}"'   # a string on the wire
    }

    It 'refuses a request without the <_> header (401, 40101)' -ForEach 'access-key', 'timestamp', 'nonce-str', 'user-id', 'signature' {
        $r = Send-Sandbox $Main -Headers (New-SandboxHeaders $Main -Omit $_) -Query '?refundId=TQ1'
        $r.Status | Should -Be 401
        $r.Json.code | Should -Be 40101
        $r.Json.msg | Should -Be "missing header: $_"
        $r.Json.requestId | Should -Match '^[0-9a-f]{32}$'
        $r.Json.developId | Should -BeNullOrEmpty
        $r.Json.data | Should -BeNullOrEmpty
    }

    It 'refuses <Case> with HTTP <Status> and code <Code>' -ForEach @(
        @{ Case = 'an unknown access key'; Signing = @{ AccessKey = 'not-our-key' }; Status = 401; Code = 40102; Msg = 'unknown access-key' }
        @{ Case = 'a user-id that is not the key''s'; Header = @{ 'user-id' = '2199999999999' }; Status = 403; Code = 40103; Msg = 'user-id does not match the access-key' }
        @{ Case = 'a signature made with the wrong secret'; Signing = @{ SecretKey = 'wrong-secret' }; Status = 401; Code = 40104; Msg = 'signature mismatch*' }
        @{ Case = 'a lower-case signature of the upper-case recipe'; Signing = @{ SignatureCase = 'Lower' }; Status = 401; Code = 40104; Msg = 'signature mismatch*' }
        @{ Case = 'a timestamp 700 s old'; Signing = @{ Timestamp = [string]([DateTimeOffset]::UtcNow.AddSeconds(-700).ToUnixTimeMilliseconds()) }; Status = 401; Code = 40105; Msg = 'timestamp expired or invalid: * s from the sandbox clock*' }
        # computed when the test runs, not at discovery: a long suite would bring a future time back within 600 s
        @{ Case = 'a timestamp 700 s ahead'; AheadSeconds = 700; Status = 401; Code = 40105; Msg = 'timestamp expired or invalid*' }
        @{ Case = 'a timestamp in seconds'; Signing = @{ Timestamp = [string]([DateTimeOffset]::UtcNow.ToUnixTimeSeconds()) }; Status = 401; Code = 40105; Msg = 'timestamp expired or invalid*seconds*milliseconds*' }
    ) {
        $h = @{}; if ($Header) { $h = $Header }
        $sign = @{}; if ($Signing) { $sign = $Signing }
        if ($_.ContainsKey('AheadSeconds')) { $sign = @{ Timestamp = [string]([DateTimeOffset]::UtcNow.AddSeconds($_.AheadSeconds).ToUnixTimeMilliseconds()) } }
        $r = Send-Sandbox $Main -Headers (New-SandboxHeaders $Main -Signing $sign -Header $h) -Query '?refundId=TQ1'
        $r.Status | Should -Be $Status
        $r.Json.code | Should -Be $Code
        $r.Json.msg | Should -BeLike $Msg
        $r.Json.developId | Should -BeNullOrEmpty
    }

    It 'refuses a timestamp that is not digits (signed correctly, outside the module)' {
        $nonce = 'NotDigits' + [Guid]::NewGuid().ToString('N').Substring(0, 23)
        $canonical = "access-key=$($Main.accessKey)&nonce-str=$nonce&timestamp=yesterday&key=$($Main.secretKey)"
        $md5 = [Security.Cryptography.MD5]::HashData([Text.Encoding]::UTF8.GetBytes($canonical))
        $headers = @{ 'access-key' = $Main.accessKey; timestamp = 'yesterday'; 'nonce-str' = $nonce; 'user-id' = $Main.userId
            signature = [Convert]::ToHexString($md5) }
        $r = Send-Sandbox $Main -Headers $headers -Query '?refundId=TQ1'
        $r.Status | Should -Be 401
        $r.Json.code | Should -Be 40105
        $r.Json.msg | Should -Be "timestamp expired or invalid: 'yesterday' is not Unix epoch milliseconds"
    }

    It 'refuses a nonce used before, and a refused request does not use up its nonce' {
        $id = (Get-RefundIds $Main)[1]
        $nonce = 'Replay' + [Guid]::NewGuid().ToString('N').Substring(0, 26)
        $refused = Send-Sandbox $Main -Headers (New-SandboxHeaders $Main -Signing @{ Nonce = $nonce } -Header @{ 'user-id' = '1' }) -Query "?refundId=$id"
        $refused.Json.code | Should -Be 40103
        $headers = New-SandboxHeaders $Main -Signing @{ Nonce = $nonce }
        (Send-Sandbox $Main -Headers $headers -Query "?refundId=$id").Json.code | Should -Be 200
        $again = Send-Sandbox $Main -Headers $headers -Query "?refundId=$id"
        $again.Status | Should -Be 401
        $again.Json.code | Should -Be 40106
        $again.Json.msg | Should -Be 'nonce already used'
    }

    It 'verifies a custom recipe end to end ({Method}, {Path}, {Body}, HMAC-SHA256, lower case)' {
        $s = $Extra.custom
        $id = (Get-RefundIds $s)[0]
        $body = @{ refundId = $id } | ConvertTo-Json -Compress
        $recipe = @{ SignatureTemplate = '{Method}|{Path}|{Body}|{Timestamp}|{Nonce}|{UserId}'; SignatureAlgorithm = 'HMAC-SHA256'; SignatureCase = 'Lower' }
        $ok = Send-Sandbox $s -Headers (New-SandboxHeaders $s -Signing $recipe -Body $body) -Body $body
        $ok.Json.code | Should -Be 200
        $ok.Json.data.refundId | Should -Be $id

        $default = Send-Sandbox $s -Headers (New-SandboxHeaders $s -Body $body) -Body $body
        $default.Json.code | Should -Be 40104
        $default.Json.msg | Should -BeLike '*HMAC-SHA256*{Method}|{Path}|{Body}*'
        $default.Json.msg | Should -Not -BeLike '*sk-custom*'

        $otherBody = @{ refundId = (Get-RefundIds $s)[1] } | ConvertTo-Json -Compress
        $tampered = Send-Sandbox $s -Headers (New-SandboxHeaders $s -Signing $recipe -Body $body) -Body $otherBody
        $tampered.Json.code | Should -Be 40104
    }
}

Describe 'Sandbox refund detail' {
    It 'takes refundId from the query string or from a JSON body, with the same record' {
        $id = (Get-RefundIds $Main)[2]
        $query = Get-Refund $Main $id
        $body = Get-Refund $Main $id -InBody
        $query.Json.data.refundId | Should -Be $id
        Get-RawData $body.Content | Should -BeExactly (Get-RawData $query.Content)
    }

    It 'answers an unknown refund id with HTTP 200 and code 40401, like the service' {
        $r = Get-Refund $Main 'TQ99999999999999999'
        $r.Status | Should -Be 200
        $r.Json.code | Should -Be 40401
        $r.Json.msg | Should -Be 'refund not found: TQ99999999999999999'
        $r.Json.data | Should -BeNullOrEmpty
    }

    It 'answers <Case> with 400 and code 40001' -ForEach @(
        @{ Case = 'a body that is not JSON'; Body = '{"refundId":'; Msg = 'invalid request: body is not JSON' }
        @{ Case = 'a JSON array'; Body = '["TQ1"]'; Msg = 'invalid request: body is not a JSON object' }
        @{ Case = 'no refundId at all'; Body = '{}'; Msg = 'invalid request: refundId*' }
    ) {
        $r = Send-Sandbox $Main -Headers (New-SandboxHeaders $Main -Body $Body) -Body $Body
        $r.Status | Should -Be 400
        $r.Json.code | Should -Be 40001
        $r.Json.msg | Should -BeLike $Msg
    }

    It 'answers a GET with 405, code 40500 and Allow: POST' {
        $r = Send-Sandbox $Main -Method GET -Headers (New-SandboxHeaders $Main -Method GET) -Query '?refundId=TQ1'
        $r.Status | Should -Be 405
        $r.Json.code | Should -Be 40500
        $r.Headers['Allow'] | Should -Be 'POST'
    }

    It 'answers a path it does not serve with 404 and code 40400' {
        $r = Send-Sandbox $Main -Path '/alibaba/refund/nothing' -Headers (New-SandboxHeaders $Main)
        $r.Status | Should -Be 404
        $r.Json.code | Should -Be 40400
        $r.Json.msg | Should -Be 'no such path: POST /alibaba/refund/nothing'
    }

    Context 'the records' {
        BeforeAll {
            # Every 10th of the 1000 generated records: 100 records, the same 100 in every run (seed 1).
            # The checks below collect every problem and assert once, so a failure lists them all.
            $ids = Get-RefundIds $Main
            $script:Sample = for ($i = 0; $i -lt 1000; $i += 10) {
                $r = Get-Refund $Main $ids[$i]
                [pscustomobject]@{ Id = $ids[$i]; Json = $r.Json.data; Element = ([Text.Json.JsonDocument]::Parse($r.Content)).RootElement.GetProperty('data') }
            }
        }

        It 'lists 1000 unique ids, TQ + 17 digits, then the four awkward ones' {
            $ids = Get-RefundIds $Main
            $ids.Count | Should -Be 1004
            @($ids | Sort-Object -Unique).Count | Should -Be 1004
            @($ids[0..999] | Where-Object { $_ -notmatch '^TQ[2-9]\d{16}$' }) | Should -BeNullOrEmpty
            $ids[1000..1003] | Should -Be 'TQ10000000000000001', 'TQ10000000000000002', 'TQ10000000000000003', 'TQ10000000000000004'
        }

        It 'carries every field of the seed, in its order, with its wire type or null' {
            $expectedNames = @($SeedFields.Keys) -join ','
            $problems = foreach ($record in $Sample) {
                $names = @($record.Element.EnumerateObject() | ForEach-Object Name) -join ','
                if ($names -ne $expectedNames) { "$($record.Id): fields $names" }
                foreach ($property in $record.Element.EnumerateObject()) {
                    $kind = [string]$property.Value.ValueKind
                    if ($kind -in 'True', 'False') { $kind = 'Boolean' }
                    if ($kind -ne 'Null' -and $kind -ne $SeedFields[$property.Name]) { "$($record.Id).$($property.Name) is $kind" }
                }
            }
            $problems | Should -BeNullOrEmpty
            # Realistic nulls: some optional fields are null in some records and set in others.
            foreach ($name in 'gmtCompleted', 'freightBill', 'rejectReason', 'applyExpect', 'sellerReceiveAddress') {
                @($Sample.Json.$name | Where-Object { $null -ne $_ }).Count | Should -BeGreaterThan 0 -Because $name
                @($Sample.Json | Where-Object { $null -eq $_.$name }).Count | Should -BeGreaterThan 0 -Because $name
            }
        }

        It 'has plausible ids, order ids, statuses, dates and Chinese text' {
            $problems = foreach ($d in $Sample.Json) {
                $id = $d.refundId
                if ($id -notmatch '^TQ\d{17}$') { "$id refundId" }
                if ("$($d.orderId)" -notmatch '^[1-9]\d{18}$') { "$id orderId $($d.orderId)" }
                if ("$($d.id)" -notmatch '^\d{19}$') { "$id id $($d.id)" }
                if ($d.status -notin $Statuses) { "$id status $($d.status)" }
                foreach ($f in 'gmtApply', 'gmtCreate', 'gmtModified') { if ($d.$f -notmatch '^\d{17}\+0800$') { "$id $f $($d.$f)" } }
                foreach ($f in 'createTime', 'updateTime') { if ($d.$f -notmatch '^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$') { "$id $f $($d.$f)" } }
                if ($d.updateTime -lt $d.createTime) { "$id updateTime before createTime" }
                foreach ($f in 'productName', 'applyReason', 'sellerLoginId') { if ($d.$f -notmatch '\p{IsCJKUnifiedIdeographs}') { "$id $f $($d.$f)" } }
                if (($d.status -in 'refundsuccess', 'refundclose') -ne ($null -ne $d.gmtCompleted)) { "$id gmtCompleted" }
                if ($d.buyerSendGoods -ne ($null -ne $d.freightBill)) { "$id buyerSendGoods/freightBill" }
                if ($d.onlyRefund -eq $d.refundGoods) { "$id onlyRefund/refundGoods" }
            }
            $problems | Should -BeNullOrEmpty
        }

        It 'has amounts in fen that add up: refunded <= applied <= refundable' {
            $problems = foreach ($d in $Sample.Json) {
                $id = $d.refundId
                if (-not ($d.refundPayment -le $d.applyPayment -and $d.applyPayment -le $d.canRefundPayment)) { "$id refund $($d.refundPayment) apply $($d.applyPayment) can $($d.canRefundPayment)" }
                if ($d.applyPayment -le 0) { "$id applyPayment $($d.applyPayment)" }
                if (($d.status -eq 'refundsuccess') -ne ($d.refundPayment -gt 0)) { "$id $($d.status) refundPayment $($d.refundPayment)" }
                if ($d.refundCarriage -gt $d.applyCarriage) { "$id carriage" }
                foreach ($f in 'applyPayment', 'refundPayment', 'canRefundPayment', 'applyCarriage') { if ($d.$f -isnot [long] -and $d.$f -isnot [int]) { "$id $f not whole fen" } }
            }
            $problems | Should -BeNullOrEmpty
        }

        It 'has a history whose statuses walk to the current one, newest first' {
            $problems = foreach ($d in $Sample.Json) {
                $id = $d.refundId
                $ops = @($d.refundOperationList)
                if ($ops[0].afterOperateStatus -ne $d.status) { "$id newest step ends in $($ops[0].afterOperateStatus)" }
                if ($null -ne $ops[-1].beforeOperateStatus -or $ops[-1].afterOperateStatus -ne 'waitselleragree') { "$id first step" }
                for ($i = 0; $i -lt $ops.Count - 1; $i++) {
                    if ($ops[$i].beforeOperateStatus -ne $ops[$i + 1].afterOperateStatus) { "$id step $i does not follow step $($i + 1)" }
                    if ($ops[$i].gmtCreate -lt $ops[$i + 1].gmtCreate) { "$id step $i is older than step $($i + 1)" }
                }
                if ($d.gmtModified -ne $ops[0].gmtCreate) { "$id gmtModified" }
            }
            $problems | Should -BeNullOrEmpty
        }

        It 'spreads the six statuses plausibly, with refundsuccess the most common' {
            $counts = $Sample.Json | Group-Object status -NoElement | Sort-Object Count -Descending
            @($counts.Name | Sort-Object) | Should -Be @($Statuses | Sort-Object)
            $counts[0].Name | Should -Be 'refundsuccess'
        }
    }
}

Describe 'Sandbox determinism' {
    It 'gives the same records, byte for byte, for the same seed in two starts' {
        $a = Get-RefundIds $Extra.seed42
        $b = Get-RefundIds $Extra.seed42b
        $a.Count | Should -Be 34
        # --refunds 10 gives the first ten records of --refunds 30, then the awkward ones.
        $b | Should -Be (@($a[0..9]) + @($a[30..33]))
        foreach ($id in $a[0], $a[5], $a[9], 'TQ10000000000000002') {
            Get-RawData (Get-Refund $Extra.seed42b $id).Content | Should -BeExactly (Get-RawData (Get-Refund $Extra.seed42 $id).Content)
        }
    }

    It 'gives the same data on every machine and .NET version (seed 1, pinned)' {
        # Golden values: the generator uses its own SplitMix64 and integer arithmetic only, so these hold
        # everywhere. If a deliberate change to the data breaks them, update them and say so in the README:
        # users' runbook tests may depend on the records.
        function Get-Sha256([string]$Text) { [Convert]::ToHexStringLower([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($Text))) }
        $ids = Get-RefundIds $Main
        Get-Sha256 ($ids -join ',') | Should -Be '87b05bc69a4d30c2593197db2edbcf954390a1c84d7319b168a3f9828097075b'
        Get-Sha256 (Get-RawData (Get-Refund $Main 'TQ21443713367004032').Content) | Should -Be '4bd9ec5d2779ef190f82caf69ba4bf90ecf8cf14f2f7f9460d7c4a78df5ab22a'
        Get-Sha256 (Get-RawData (Get-Refund $Main 'TQ38536856826488858').Content) | Should -Be '153a934c5cd41ac028ec30baa198176b9b8f594766760a17ce023c423e2c4e09'
        Get-Sha256 (Get-RawData (Get-Refund $Main 'TQ10000000000000002').Content) | Should -Be '853a963000281ee3b213af591e7cd26ec8e1883631ea675747990aa321f351b6'
    }

    It 'gives other records for another seed, but the same awkward records' {
        $a = Get-RefundIds $Extra.seed42
        $c = Get-RefundIds $Extra.seed43
        @($c[0..9] | Where-Object { $_ -in $a }) | Should -BeNullOrEmpty
        Get-RawData (Get-Refund $Extra.seed43 'TQ10000000000000003').Content |
            Should -BeExactly (Get-RawData (Get-Refund $Main 'TQ10000000000000003').Content)
    }
}

Describe 'Sandbox awkward records' {
    BeforeAll {
        function Get-Awkward([string]$Id) { (Get-Refund $Main $Id).Content }
    }

    It 'TQ10000000000000001 sends orderId and applyPayment as JSON strings' {
        $content = Get-Awkward 'TQ10000000000000001'
        $content | Should -Match '"orderId":"\d{19}"'
        $content | Should -Match '"applyPayment":"\d+"'
        $content | Should -Match '"refundPayment":\d+'
    }

    It 'TQ10000000000000002 sends refundOperationList as a string holding the array' {
        $r = Get-Refund $Main 'TQ10000000000000002'
        $r.Content | Should -Match '"refundOperationList":"\[\{'
        $ops = @($r.Json.data.refundOperationList | ConvertFrom-Json)
        $ops.Count | Should -BeGreaterThan 1
        $ops[0].afterOperateStatus | Should -Be $r.Json.data.status
    }

    It 'TQ10000000000000003 carries fields the seed does not know' {
        $d = (Get-Refund $Main 'TQ10000000000000003').Json.data
        $d.tenantId | Should -Be 10001
        $d.extendInfo.channel | Should -Be '1688'
        $d.PSObject.Properties.Name.Count | Should -Be ($SeedFields.Count + 2)
    }

    It 'TQ10000000000000004 is sparse: every field present, most of them null' {
        $d = (Get-Refund $Main 'TQ10000000000000004').Json.data
        @($d.PSObject.Properties.Name) | Should -Be @($SeedFields.Keys)
        $set = @($d.PSObject.Properties | Where-Object { $null -ne $_.Value } | ForEach-Object Name | Sort-Object)
        $set | Should -Be @('applyPayment', 'createTime', 'gmtApply', 'gmtCreate', 'id', 'orderId', 'refundId', 'status', 'updateTime')
    }
}

Describe 'Sandbox faults' {
    BeforeAll {
        function Send-Fault([string]$Kind, [int]$TimeoutSec = 15) {
            $s = $Extra["fault-$Kind"]
            Send-Sandbox $s -Headers (New-SandboxHeaders $s) -Query "?refundId=$((Get-RefundIds $s)[0])" -TimeoutSec $TimeoutSec
        }
        function Get-FaultStats([string]$Kind) { Get-Stats $Extra["fault-$Kind"] }
    }

    It 'ratelimit: 429 with Retry-After and code 42901' {
        $r = Send-Fault ratelimit
        $r.Status | Should -Be 429
        $r.Headers['Retry-After'] | Should -Be '1'
        $r.Json.code | Should -Be 42901
        $r.Json.msg | Should -Be 'too many requests'
    }

    It 'server: 500 with code 50001' {
        $r = Send-Fault server
        $r.Status | Should -Be 500
        $r.Json.code | Should -Be 50001
        $r.Json.msg | Should -Be 'internal error'
    }

    It 'badgateway: 502 with an HTML page, not JSON' {
        $r = Send-Fault badgateway
        $r.Status | Should -Be 502
        $r.Headers['Content-Type'] | Should -BeLike 'text/html*'
        $r.Content | Should -BeLike '*502 Bad Gateway*'
        $r.Json | Should -BeNullOrEmpty
    }

    It 'malformed: 200 with a JSON content type and a body cut off mid-object' {
        $r = Send-Fault malformed
        $r.Status | Should -Be 200
        $r.Headers['Content-Type'] | Should -Match '^application/json;\s?charset=UTF-8$'
        $r.Content | Should -BeLike '{"requestId":"*'
        $r.Json | Should -BeNullOrEmpty
        { [Text.Json.JsonDocument]::Parse($r.Content) } | Should -Throw
    }

    It 'reset: the connection is aborted before any answer' {
        { Send-Fault reset } | Should -Throw -ExceptionType ([System.Net.Http.HttpRequestException])
    }

    It 'stall: no answer within the client''s timeout' {
        { Send-Fault stall -TimeoutSec 1 } | Should -Throw
        (Get-FaultStats stall).succeeded | Should -Be 0
    }

    It 'counts every injected <_> in the stats' -ForEach 'ratelimit', 'server', 'badgateway', 'malformed', 'reset', 'stall' {
        $kind = $_
        $before = Get-FaultStats $kind
        try { $null = Send-Fault $kind -TimeoutSec 1 } catch { $null = $_ }   # reset and stall throw; that is the point
        $after = Get-FaultStats $kind
        $after.faults.$kind | Should -Be ($before.faults.$kind + 1)
        $after.total | Should -Be ($before.total + 1)
        $after.faults.$kind | Should -Be $after.total   # with --fault-rate 1, every request met the fault
        $after.succeeded | Should -Be 0
    }

    It 'chooses faults from the seed and the request sequence: two starts meet the same ones' {
        $ids = Get-RefundIds $Extra.mixedA
        $outcomes = foreach ($name in 'mixedA', 'mixedB') {
            $s = $Extra[$name]
            (1..16 | ForEach-Object { (Send-Sandbox $s -Headers (New-SandboxHeaders $s) -Query "?refundId=$($ids[0])").Status }) -join ','
        }
        $outcomes[1] | Should -Be $outcomes[0]
        $statuses = $outcomes[0] -split ','
        $statuses | Should -Contain '200'
        @($statuses | Where-Object { $_ -ne '200' }).Count | Should -BeGreaterThan 0
        $stats = Get-Stats $Extra.mixedA
        ($stats.faults.ratelimit + $stats.faults.server) | Should -Be @($statuses | Where-Object { $_ -ne '200' }).Count
    }
}

Describe 'Sandbox latency and stats' {
    It 'adds --latency-ms to each signed answer' {
        $s = $Extra.custom
        $id = (Get-RefundIds $s)[0]
        $body = @{ refundId = $id } | ConvertTo-Json -Compress
        $recipe = @{ SignatureTemplate = '{Method}|{Path}|{Body}|{Timestamp}|{Nonce}|{UserId}'; SignatureAlgorithm = 'HMAC-SHA256'; SignatureCase = 'Lower' }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $r = Send-Sandbox $s -Headers (New-SandboxHeaders $s -Signing $recipe -Body $body) -Body $body
        $clock.Stop()
        $r.Json.code | Should -Be 200
        # A lower bound only: the delay cannot be shorter than asked, however busy the machine is.
        $clock.ElapsedMilliseconds | Should -BeGreaterOrEqual 300
    }

    It 'counts requests per path, refusals per reason and successes; reset zeroes them' {
        $null = Invoke-RestMethod -Method Post "$($Main.endpoint)/sandbox/stats/reset"
        $ids = Get-RefundIds $Main
        $headers = New-SandboxHeaders $Main
        $null = Send-Sandbox $Main -Headers $headers -Query "?refundId=$($ids[0])"
        $null = Send-Sandbox $Main -Headers $headers -Query "?refundId=$($ids[0])"          # the same nonce again
        $null = Get-Refund $Main $ids[1]
        $null = Get-Refund $Main 'TQ99999999999999999'
        $null = Send-Sandbox $Main -Headers (New-SandboxHeaders $Main -Omit 'signature')
        $null = Send-Sandbox $Main -Path '/alibaba/nothing' -Headers (New-SandboxHeaders $Main)

        $stats = Get-Stats $Main
        $stats.requests.$RefundPath | Should -Be 5
        $stats.requests.other | Should -Be 1
        $stats.refusals.nonceReused | Should -Be 1
        $stats.refusals.refundNotFound | Should -Be 1
        $stats.refusals.missingHeader | Should -Be 1
        $stats.refusals.noSuchPath | Should -Be 1
        $stats.refusals.signatureMismatch | Should -Be 0
        $stats.succeeded | Should -Be 2
        $stats.total | Should -Be 6
        @($stats.faults.PSObject.Properties.Value | Where-Object { $_ -ne 0 }) | Should -BeNullOrEmpty

        $zero = Invoke-RestMethod -Method Post "$($Main.endpoint)/sandbox/stats/reset"
        $zero.total | Should -Be 0
        (Get-Stats $Main).requests.$RefundPath | Should -Be 0
    }
}
