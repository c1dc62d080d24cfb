# Cases of the adversarial run (issue 15) that a user meets at the prompt: each refused before anything is sent,
# with a Pandapon error naming the parameter and the value (or PowerShell's binding error carrying our message).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $sandbox = Get-TestSandbox
    Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
    function Get-Total { (Get-SandboxStats $sandbox).total }
    $script:RefundArgs = @{ OrderId = '2019601700000000001'; OrderEntryId = '2019601700000000002'; DisputeRequest = 'Refund'; ReasonId = '20005'
        Description = '测试退款申请'; GoodsStatus = 'refundWaitBuyerReceive'; WhatIf = $true }
}

AfterAll {
    Clear-PandaponCredential
}

# The paths of 15.1 are cases of Adversarial.Tests.ps1 (refused before signing, quoted as typed, Pandapon.InvalidPath).

Describe 'Amounts as the user gave them (15.6)' {
    It 'refuses an unquoted <Shown>, saying to quote it or use [decimal]' -ForEach @(
        @{ Value = 0.1 + 0.2; Shown = '0.30000000000000004' }
        @{ Value = 12345678901234.567; Shown = '12345678901234.566' }
        @{ Value = 123.456; Shown = '123.456' }
    ) {
        $err = { New-PandaponRefund @RefundArgs -ApplyPayment $Value -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike "*-ApplyPayment '$Shown' is not valid: PowerShell read the unquoted number as a floating-point value*quote the amount*[[]decimal]*"
    }

    It 'keeps every digit of an unquoted amount with two decimals, and a [decimal] or quoted one as given' {
        # A negative amount is refused after the transformation, quoting the decimal the cmdlet received.
        foreach ($case in @(@{ Value = -12345678901234.56; Shown = '-12345678901234.56' }, @{ Value = -149.4; Shown = '-149.4' },
                @{ Value = [decimal]::Parse('-0.30', [cultureinfo]::InvariantCulture); Shown = '-0.30' }, @{ Value = '-12345678901234.56'; Shown = '-12345678901234.56' })) {
            { New-PandaponRefund @RefundArgs -ApplyPayment $case.Value -ErrorAction Stop } |
                Should -Throw -ErrorId 'Pandapon.InvalidArgument,*' -ExpectedMessage "-ApplyPayment $($case.Shown) is not valid: an amount cannot be negative."
        }
    }
}

Describe 'Id parameters take text or numbers (15.7)' {
    It 'refuses a piped object, naming its properties and the ones that bind, and goes on with the next' {
        $before = Get-Total
        $out = @([pscustomobject]@{ Foo = 1 }, @{ a = 1 } | Get-PandaponRefund -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $errs.Count | Should -Be 2
        $errs[0].Exception.Message | Should -BeLike '*-RefundId takes an id as text or a number, not an object*It has the properties Foo;*RefundId, Id or RefundIds binds*'
        $errs[1].Exception.Message | Should -BeLike '*not a hashtable*properties a;*'
        (Get-Total) | Should -Be $before
    }

    It 'names the columns of a CSV whose id column has another name, or which has no header' {
        $csv = Join-Path $TestDrive 'ids.csv'
        "refund_id`nTQ21443713367004032" | Set-Content $csv
        $err = Import-Csv $csv | Get-PandaponRefund -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.Message | Should -BeLike '*properties refund_id;*RefundId, Id or RefundIds binds*Import-Csv -Header RefundId*'
        "TQ21443713367004032`nTQ21443713367004033" | Set-Content $csv
        $null = Import-Csv $csv | Get-PandaponRefund -ErrorVariable errs2 -ErrorAction SilentlyContinue
        $errs2[0].Exception.Message | Should -BeLike '*properties TQ21443713367004032;*Import-Csv -Header RefundId*'
    }

    It 'refuses a hashtable given as -RefundId and as -OrderId, and a list inside the list of ids' {
        { Get-PandaponRefund -RefundId @('TQ1', @('TQ2', 'TQ3')) -ErrorAction Stop } | Should -Throw -ExpectedMessage '*one of them is itself a list*'
        { Get-PandaponRefund @{ a = 1 } -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-RefundId takes an id as text or a number, not a hashtable*'
        { New-PandaponRefund @RefundArgs -OrderId @{ a = 1 } -ApplyPayment 1 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-OrderId takes an id*'
    }

    It 'refuses a -Query value that is not a scalar or an array of scalars' {
        { Invoke-PandaponRequest /alibaba/order/pay/url -Query @{ a = @{ b = 1 } } -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pandapon.InvalidQuery,*' -ExpectedMessage '*-Query.a is a hashtable*'
        { Invoke-PandaponRequest /alibaba/order/pay/url -Query @{ a = @(1, @(2, 3)) } -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pandapon.InvalidQuery,*' -ExpectedMessage '*-Query.a`[1`] is a nested list*'
    }
}

Describe 'Keys and user ids (15.9, 15.14)' {
    It 'names -UserId for a line break on an API cmdlet and on Set-PandaponCredential' {
        { Get-PandaponRefund TQ1 -UserId "1`r`n2" -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pandapon.InvalidArgument,Pandapon.Commands.GetPandaponRefundCommand' -ExpectedMessage '-UserId: *control character*'
        { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId "1`r`n2" -WhatIf -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pandapon.InvalidArgument,Pandapon.Commands.SetPandaponCredentialCommand' -ExpectedMessage '-UserId: *control character*'
    }

    It 'refuses keys over 256 characters on every cmdlet that takes them, without quoting them' {
        $long = 's' * 65536   # the most a SecureString holds
        $secure = ConvertTo-SecureString $long -AsPlainText -Force
        $e1 = { Get-PandaponSignature -AccessKey ak -SecretKey $secure -ErrorAction Stop } | Should -Throw -ErrorId 'Pandapon.InvalidArgument,*' -PassThru
        $e2 = { Set-PandaponCredential -AccessKey ak -SecretKey $secure -UserId 1 -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'Pandapon.InvalidArgument,*' -PassThru
        $e3 = { Set-PandaponCredential -AccessKey ('a' * 257) -SecretKey sk -UserId 1 -WhatIf -ErrorAction Stop } | Should -Throw -ErrorId 'Pandapon.InvalidArgument,*' -PassThru
        $e4 = { Get-PandaponRefund TQ1 -Credential ([pscredential]::new('ak', $secure)) -UserId 1 -ErrorAction Stop } | Should -Throw -ErrorId 'Pandapon.InvalidArgument,*' -PassThru
        $e5 = { Get-PandaponRefund TQ1 -UserId ('1' * 257) -ErrorAction Stop } | Should -Throw -ErrorId 'Pandapon.InvalidArgument,*' -PassThru
        $e1.Exception.Message | Should -BeLike '-SecretKey is 65536 characters long; at most 256 are accepted.'
        $e2.Exception.Message | Should -BeLike '-SecretKey: The secret key is 65536 characters long; at most 256*'
        $e3.Exception.Message | Should -BeLike '-AccessKey: The access key is 257 characters long*'
        $e4.Exception.Message | Should -BeLike '-Credential: The secret key is 65536 characters long*'
        $e5.Exception.Message | Should -BeLike '-UserId: The user id is 257 characters long*'
        foreach ($e in $e1, $e2, $e3, $e4, $e5) { $e.Exception.Message.Length | Should -BeLessThan 200 }
    }
}

Describe 'Bodies and CSV cells (15.10, 15.15, 15.16)' {
    It 'names the -Body property that could not be read' {
        $body = [pscustomobject]@{ refundId = 'TQ1' }
        $body | Add-Member ScriptProperty Broken { throw 'no access' }
        { Invoke-PandaponRequest /alibaba/refund/info -Body $body -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pandapon.InvalidBody,*' -ExpectedMessage '-Body.Broken could not be read (*no access*'
        { Invoke-PandaponRequest /alibaba/refund/info -Body (Get-Process -Id $PID) -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pandapon.InvalidBody,*' -ExpectedMessage '-Body.*'
    }

    It 'names the column and the value of a bad DisputeRequest cell, and goes on with the next row' {
        $rows = @(
            [pscustomobject]@{ OrderId = '2019601700000000001'; OrderEntryId = '2019601700000000002'; DisputeRequest = 'Bogus'; ApplyPayment = '1.00'; ReasonId = '20005'; Description = '测试退款申请'; GoodsStatus = 'refundWaitBuyerReceive' }
            [pscustomobject]@{ OrderId = '2019601700000000003'; OrderEntryId = '2019601700000000004'; DisputeRequest = 'returnrefund'; ApplyPayment = '1.00'; ReasonId = '20005'; Description = '测试退款申请'; GoodsStatus = 'refundBuyerReceived' }
        )
        $null = $rows | New-PandaponRefund -WhatIf -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -BeLike "*-DisputeRequest 'Bogus' is not valid: it is one of Refund (1), ReturnRefund (2)*"
    }

    It 'refuses a return shipment description over 200 characters before sending' {
        $before = Get-Total
        { Submit-PandaponReturnShipment TQ21443713367004032 -LogisticsCompanyNo ZTO -FreightBill 7300 -Description ('x' * 100000) -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'Pandapon.InvalidArgument,*' -ExpectedMessage "-Description 'xxx*' is not valid: it is 100000 characters long; PandaPon accepts 0 to 200*"
        (Get-Total) | Should -Be $before
    }
}

Describe 'Get-PandaponHistory (17.6)' {
    It 'keeps time, method, path, outcome, code, requestId, duration and attempts of each request, and no secret or body' {
        $ids = @((Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds") | ForEach-Object { $_ })
        $null = Get-PandaponRefund $ids[0], TQ29999999999999998 -ErrorAction SilentlyContinue
        $last = @(Get-PandaponHistory -Last 2)
        $last.Count | Should -Be 2
        $ok = $last | Where-Object Code -EQ 200
        $missing = $last | Where-Object Code -EQ 40401
        $ok.Method | Should -Be 'POST'
        $ok.Path | Should -Be '/alibaba/refund/info'
        $ok.Outcome | Should -Be 'Succeeded'
        $ok.HttpStatus | Should -Be 200
        $ok.RequestId | Should -Match '^[0-9a-f]{32}$'
        $ok.Attempts | Should -Be 1
        $ok.Duration | Should -BeOfType [timespan]
        $ok.Time | Should -BeOfType [datetimeoffset]
        $missing.Outcome | Should -Be 'NotFound'
        $missing.RequestId | Should -Match '^[0-9a-f]{32}$'
        $text = Get-PandaponHistory | ConvertTo-Json -Depth 3
        $text | Should -Not -Match ([regex]::Escape($sandbox.secretKey))
        $text | Should -Not -Match ([regex]::Escape($ids[0]))   # the body held the id: bodies are not kept
        (Get-PandaponHistory -Last 1 | Out-String -Width 200) | Should -Match 'POST +/alibaba/refund/info +(Succeeded +200|NotFound +40401) +[0-9a-f]{32}'
    }

    It 'keeps at most the last 1000 requests' {
        $stub = Start-StubApi -Body '{"requestId":"0d1de79d9f4540308d14c558f86cb3da","code":200,"developId":"1","msg":"ok","data":{}}'
        try {
            $null = 1..1005 | ForEach-Object { @{ n = $_ } } | Invoke-PandaponRequest /history/probe -Endpoint $stub.Endpoint -ErrorAction Stop
            $all = @(Get-PandaponHistory)
            $all.Count | Should -Be 1000
            $all[-1].Path | Should -Be '/history/probe'
            { Get-PandaponHistory -Last 1001 } | Should -Throw
        }
        finally { $stub.Dispose() }
    }
}

Describe 'Exact sums (17.2)' {
    It 'adds amounts exactly with a [decimal] accumulator, as about_Pandapon shows, where Measure-Object gives a Double' {
        $ids = @((Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds") | ForEach-Object { $_ } | Select-Object -First 60)
        $refunds = @(Get-PandaponRefund $ids)
        $fen = [long]0
        foreach ($id in $ids) { $fen += [long](Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $id } -Idempotent).applyPayment }

        # The help's way.
        $sum = [decimal]0
        $refunds | ForEach-Object { $sum += $_.ApplyPayment }
        $sum | Should -BeOfType [decimal]
        $sum | Should -Be ([decimal]$fen / 100)

        # The CSV way, under a culture whose decimal separator is a comma.
        $csv = Join-Path $TestDrive 'sums.csv'
        $refunds | Select-Object RefundId, @{ n = 'ApplyPayment'; e = { $_.ApplyPayment.ToString([cultureinfo]::InvariantCulture) } } | Export-Csv $csv
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $fromCsv = [decimal]0
            Import-Csv $csv | ForEach-Object { $fromCsv += [decimal]::Parse($_.ApplyPayment, [cultureinfo]::InvariantCulture) }
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $fromCsv | Should -Be $sum

        # Why: Measure-Object's sum is a Double.
        ($refunds | Measure-Object ApplyPayment -Sum).Sum | Should -BeOfType [double]
    }
}

Describe 'Timeouts (15.20)' {
    It 'waits 30 s for a read, 100 s for a write, and what -TimeoutSec says; Verbose names it' {
        $ids = @((Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds") | ForEach-Object { $_ })
        $read = Get-PandaponRefund $ids[0] -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $read.Message | Should -Contain "POST $($sandbox.endpoint)/alibaba/refund/info (attempt 1 of 4); timeout 30 s"
        $write = Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $ids[0] } -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $write.Message | Should -Contain "POST $($sandbox.endpoint)/alibaba/refund/info (attempt 1 of 1); timeout 100 s"
        $set = Get-PandaponRefund $ids[0] -TimeoutSec 7 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $set.Message | Should -Contain "POST $($sandbox.endpoint)/alibaba/refund/info (attempt 1 of 4); timeout 7 s"
        # A stalled read is retried like a timeout: Refund.Tests.ps1, 'delivers all 500 refunds when a fifth of the answers fail' (every fault kind, stall included).
    }
}

Describe 'Ctrl+C during a write (15.18)' {
    It 'leaves a warning that the refund may or may not exist, with the check command a timeout gives' {
        $stall = Start-PandaponSandbox -Configuration $env:PANDAPON_TEST_CONFIGURATION -ArgumentList '--fault-rate', '1', '--fault-kinds', 'stall'
        try {
            # A child pwsh whose stopped command writes to a real console host (its stdout, captured here): the
            # pipeline's streams are closed once it is stopping, so the warning goes to the host.
            $child = @'
param($Module, $Endpoint, $AccessKey, $SecretKey, $UserId)
Import-Module $Module
$runspace = [runspacefactory]::CreateRunspace($Host)
$runspace.Open()
$ps = [powershell]::Create()
$ps.Runspace = $runspace
$null = $ps.AddScript({
    param($Module, $Endpoint, $AccessKey, $SecretKey, $UserId)
    Import-Module $Module
    $credential = [pscredential]::new($AccessKey, (ConvertTo-SecureString $SecretKey -AsPlainText -Force))
    New-PandaponRefund 2019601700000000001 -OrderEntryId 2019601700000000002 -DisputeRequest Refund -ApplyPayment 1 -ReasonId 20005 `
        -Description '测试退款申请' -GoodsStatus refundWaitBuyerReceive -Force -Credential $credential -UserId $UserId -Endpoint $Endpoint
}).AddArgument($Module).AddArgument($Endpoint).AddArgument($AccessKey).AddArgument($SecretKey).AddArgument($UserId)
$async = $ps.BeginInvoke()
# Stop once the request has reached the server (the stall holds its answer for 120 s).
while ((Invoke-RestMethod "$Endpoint/sandbox/stats").faults.stall -lt 1) { Start-Sleep -Milliseconds 100 }
$ps.Stop()
'stopped'
'@
            $script = Join-Path $TestDrive 'stop-write.ps1'
            Set-Content -Path $script -Value $child -Encoding utf8
            $pwsh = Get-PwshInvocation
            $leading = @($pwsh | Select-Object -Skip 1)
            $output = (& $pwsh[0] @leading -NoProfile -NonInteractive -File $script (Get-TestModulePath) $stall.endpoint $stall.accessKey $stall.secretKey $stall.userId 2>&1) -join "`n"
            $output | Should -Match 'stopped'
            $output | Should -Match 'WARNING: .*POST /alibaba/refund/detail/create was stopped after it was sent'
            $output | Should -Match 'may or may not have been created'
            $output | Should -Match ([regex]::Escape("Invoke-PandaponRequest /alibaba/order/detail -Body @{ webSite = '1688'; orderId = '2019601700000000001' } -Idempotent"))
        }
        finally { $stall | Stop-PandaponSandbox }
    }
}

Describe 'A server that is gone (15.19)' {
    It 'stops after 2 x throttle refused connections in a row, with one terminating error counting the inputs not tried' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $credential = [pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
        $ids = 1..200 | ForEach-Object { 'TQ2' + $_.ToString('0000000000000000') }
        $err = $null
        try { $ids | Get-PandaponRefund -Credential $credential -UserId 1 -Endpoint "http://127.0.0.1:$port" -ThrottleLimit 2 -MaxRetries 0 -ErrorAction SilentlyContinue -ErrorVariable errs }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'Pandapon.EndpointUnreachable,*'
        $err.ToString() | Should -BeLike '*The endpoint is unreachable: * requests in a row could not connect*inputs were not tried*'
        # Only the failures up to the stop are written, one per input; the rest were never tried.
        $written = @($errs | Where-Object { $_.FullyQualifiedErrorId -like 'Pandapon.Network,*' })
        $written.Count | Should -BeGreaterOrEqual 4
        $written.Count | Should -BeLessThan 20
    }
}
