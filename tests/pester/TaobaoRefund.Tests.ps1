BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $configuration = $env:PANDAPON_TEST_CONFIGURATION
    # Sandboxes of this file's own: their reverse orders are withdrawn and messaged here, and their stats counted.
    $set = Start-PandaponSandboxSet -Configuration $configuration -ArgumentLists @{
        nested = @('--seed', '5', '--taobao-refunds', '600')
        flat   = @('--seed', '5', '--taobao-refunds', '600', '--taobao-list-shape', 'flat')
    }
    $sb = $set.nested
    $flat = $set.flat
    function Get-Params($s) {
        @{ Credential = [pscredential]::new($s.accessKey, (ConvertTo-SecureString $s.secretKey -AsPlainText -Force)); UserId = $s.userId; Endpoint = $s.endpoint }
    }
    $p = Get-Params $sb
    $pFlat = Get-Params $flat
    function Get-Ids($s, $status) {
        $query = if ($null -ne $status) { "?status=$status" } else { '' }
        @(Invoke-RestMethod "$($s.endpoint)/sandbox/taobao/refunds$query" | ForEach-Object { $_ } | ForEach-Object { "$_" })
    }
    function Get-RawTaobaoRefund([string]$Id) {
        <# The detail as the sandbox sends it, through a different path than the typed cmdlet. #>
        Invoke-PandaponRequest /v2/taobao/order/refund/query -Method GET -Query @{ refundId = $Id } -Idempotent @p
    }
    function Reset-Stats($s) { $null = Invoke-RestMethod -Method Post "$($s.endpoint)/sandbox/stats/reset" }
    function ConvertFrom-Ms($ms) { [DateTimeOffset]::FromUnixTimeMilliseconds([long]$ms).ToOffset([TimeSpan]::FromHours(8)) }
    $work = Join-Path ([IO.Path]::GetTempPath()) ("pandapon-taobao-tests-" + [Guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
}

AfterAll {
    $set.Values | Stop-PandaponSandbox
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Get-PandaponTaobaoRefund: the list' {
    It 'list -> filter -> export: every Applied reverse order over 100 yuan, as clean CSV' {
        $csv = Join-Path $work 'applied.csv'
        Get-PandaponTaobaoRefund @p -Status Applied | Where-Object RefundFee -gt 100 | Export-Csv $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $applied = Get-Ids $sb 10
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object {
            $_.Status | Should -Be 'Applied'
            $_.StatusCode | Should -Be '10'
            [decimal]$_.RefundFee | Should -BeGreaterThan 100
            $applied | Should -Contain $_.RefundId
        }
        # Exactly the Applied ones over 100 yuan, read one by one.
        $expected = @($applied | Get-PandaponTaobaoRefund @p -ThrottleLimit 8 | Where-Object RefundFee -gt 100).RefundId | Sort-Object
        ($rows.RefundId | Sort-Object) | Should -Be $expected
        $text = Get-Content -Raw $csv
        $text | Should -Not -Match 'Pandapon\.Models|System\.'
        (Get-Content $csv -TotalCount 1) | Should -Match '"RefundId","Status","StatusCode","RefundType","GoodsStatus","RefundFee"'
    }

    It 'pages through every reverse order once, newest first, whatever the page size' {
        $all = @(Get-PandaponTaobaoRefund @p -PageSize 100)
        $small = @(Get-PandaponTaobaoRefund @p -PageSize 7 -First 50)
        $ids = Get-Ids $sb
        $all.Count | Should -Be $ids.Count
        ($all.RefundId | Sort-Object -Unique).Count | Should -Be $ids.Count
        $small.RefundId | Should -Be $all.RefundId[0..49]
        $times = $all | Where-Object CreateTime | ForEach-Object CreateTime
        for ($i = 1; $i -lt $times.Count; $i++) { $times[$i] | Should -BeLessOrEqual $times[$i - 1] }
    }

    It '-First 3 sends one request; -Skip starts inside the list; -IncludeTotalCount writes the total first' {
        Reset-Stats $sb
        $three = @(Get-PandaponTaobaoRefund @p -First 3)
        $three.Count | Should -Be 3
        (Get-SandboxStats $sb).requests.'/open/order/refund/queryList' | Should -Be 1
        $skipped = @(Get-PandaponTaobaoRefund @p -Skip 2 -First 2)
        $skipped[0].RefundId | Should -Be $three[2].RefundId
        $withTotal = @(Get-PandaponTaobaoRefund @p -Status Succeeded -IncludeTotalCount -First 1)
        $withTotal[0].ToString() | Should -Match "Total count: $((Get-Ids $sb 100).Count)"
        $withTotal[1].Status | Should -Be 'Succeeded'
    }

    It '| Select-Object -First 3 sends at most two requests, and -Verbose shows each page request' {
        Reset-Stats $sb
        $three = @(Get-PandaponTaobaoRefund @p -PageSize 3 | Select-Object -First 3)
        $three.Count | Should -Be 3
        (Get-SandboxStats $sb).requests.'/open/order/refund/queryList' | Should -BeLessOrEqual 2
        $verbose = @(Get-PandaponTaobaoRefund @p -First 5 -PageSize 5 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($verbose.Message -join "`n") | Should -Match 'POST .*/open/order/refund/queryList'
    }

    It 'stops at a page that fails after its retries: one error that says how to resume with -Skip' {
        $failing = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--taobao-refunds', '20', '--fault-rate', '1', '--fault-kinds', 'server'
        try {
            $fp = Get-Params $failing
            $out = @(Get-PandaponTaobaoRefund @fp -Skip 10 -MaxRetries 1 -ErrorVariable e -ErrorAction SilentlyContinue)
            $out | Should -BeNullOrEmpty
            $e.Count | Should -Be 1
            $e[0].FullyQualifiedErrorId | Should -Match '^Pandapon.PageFailed'
            $e[0].Exception.Code | Should -Be 50001
            "$($e[0])" | Should -Match 'Listing reverse orders stopped at page 1 \(pages of \d+\): 0 reverse orders were written before it\. .*50001.*Run the same command again with -Skip 10 to go on from there\.'
            (Get-SandboxStats $failing).requests.'/open/order/refund/queryList' | Should -Be 2
        }
        finally { $failing | Stop-PandaponSandbox }
    }

    It 'takes a status code no name covers as its number' {
        $odd = @(Get-PandaponTaobaoRefund @p -Status 50)
        $odd.RefundId | Should -Be @('100000000003')
        $odd[0].StatusCode | Should -Be 50
    }

    It 'filters by sales order, purchase order and creation time' {
        $one = Get-PandaponTaobaoRefund @p -First 1 -Skip 40
        $bySales = @(Get-PandaponTaobaoRefund @p -SalesOrderId $one.SalesOrderId)
        $bySales.RefundId | Should -Contain $one.RefundId
        $bySales | ForEach-Object { $_.SalesOrderId | Should -Be $one.SalesOrderId }
        $byPurchase = @(Get-PandaponTaobaoRefund @p -PurchaseOrderId $one.PurchaseOrderId)
        $byPurchase | ForEach-Object { $_.PurchaseOrderId | Should -Be $one.PurchaseOrderId }
        $inHour = @(Get-PandaponTaobaoRefund @p -CreatedAfter $one.CreateTime.AddMinutes(-30) -CreatedBefore $one.CreateTime.AddMinutes(30))
        $inHour.RefundId | Should -Contain $one.RefundId
        $inHour | ForEach-Object { [math]::Abs(($_.CreateTime - $one.CreateTime).TotalMinutes) | Should -BeLessOrEqual 30 }
    }

    It 'reads flat rows as it reads nested ones, both carrier-code spellings included' {
        $nested = @(Get-PandaponTaobaoRefund @p -Status WaitingSellerReceipt)
        $flatRows = @(Get-PandaponTaobaoRefund @pFlat -Status WaitingSellerReceipt)
        $nested.Count | Should -BeGreaterThan 3
        $flatRows.RefundId | Should -Be $nested.RefundId
        foreach ($name in 'RefundFee', 'PurchaseOrderId', 'SalesOrderId', 'ItemTitle', 'LogisticsCompanyCode', 'LogisticsNo', 'ReceiverName', 'CreateTime') {
            ($flatRows | ForEach-Object $name) | Should -Be ($nested | ForEach-Object $name) -Because $name
        }
        $nested | ForEach-Object { $_.LogisticsCompanyCode | Should -Not -BeNullOrEmpty }
        $raw = @(Get-PandaponTaobaoRefund @p -Status WaitingSellerReceipt -Raw)
        $spellings = $raw | ForEach-Object { $_.logistics.logisticsCompany.PSObject.Properties.Name } | Where-Object { $_ -like '*CompanyCode' } | Sort-Object -Unique
        $spellings | Should -Be @('logisticCompanyCode', 'logisticsCompanyCode')
    }

    It 'refuses bad filters before any request, naming the value' {
        Reset-Stats $sb
        { Get-PandaponTaobaoRefund @p -Status Pending } | Should -Throw '*Pending*NotApplied, Applied, SellerAgreed*'
        # A list has no other input to go on with: a refused filter stops the command, as on Get-PandaponOrder.
        { Get-PandaponTaobaoRefund @p -PurchaseOrderId 'abc' } | Should -Throw "*-PurchaseOrderId 'abc' is not valid*No request was sent*" -ErrorId 'Pandapon.InvalidArgument,*'
        { Get-PandaponTaobaoRefund @p -CreatedAfter '2025-03-02' -CreatedBefore '2025-03-01' } | Should -Throw '*-CreatedAfter * is later than -CreatedBefore*'
        { Get-PandaponTaobaoRefund @p -PageSize 0 } | Should -Throw "*-PageSize '0' is not valid*"
        { Get-PandaponTaobaoRefund @p -Filter @{ pageNo = 3 } } | Should -Throw "*-Filter 'pageNo' is not valid*"
        { Get-PandaponTaobaoRefund @p -RefundId 110000991629 -First 1 } | Should -Throw '*-First pages the reverse-order list and cannot be used with -RefundId*'
        (Get-SandboxStats $sb).total | Should -Be 0
    }
}

Describe 'Get-PandaponTaobaoRefund: by id' {
    It 'returns a typed TaobaoRefund whose fields match what the API sent, converted' {
        $id = (Get-Ids $sb 30)[0]
        $raw = Get-RawTaobaoRefund $id
        $order = $raw.refundOrderAggregate.refundOrder
        $line = $raw.refundOrderAggregate.purchaseOrderLine
        $r = Get-PandaponTaobaoRefund @p -RefundId $id
        $r | Should -BeOfType ([Pandapon.Models.TaobaoRefund])
        $r.RefundId | Should -Be $id
        $r.Status | Should -Be 'WaitingSellerReceipt'
        $r.StatusCode | Should -Be 30
        [int]$r.RefundType | Should -Be $order.refundType
        $r.RefundFee | Should -Be ([decimal]$order.refundFee / 100)
        $r.TotalPrice | Should -Be ([decimal]$line.totalPrice / 100)
        $r.PostFee | Should -Be ([decimal]$line.postFee / 100)
        $r.CreateTime | Should -Be (ConvertFrom-Ms $order.gmtCreate)
        $r.CreateTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        $r.PurchaseOrderId | Should -Be "$($line.purchaseOrderId)"
        $r.Currency | Should -Be 'CNY'
        $r.UnreadFields.Count | Should -Be 0
    }

    It 'keeps the order of the ids in a batch and binds RefundId, refund_id and Id by property name' {
        $ids = (Get-Ids $sb)[0..59]
        (@($ids | Get-PandaponTaobaoRefund @p -ThrottleLimit 8)).RefundId | Should -Be $ids
        $rows = [pscustomobject]@{ refund_id = $ids[0] }, [pscustomobject]@{ Id = $ids[1] }, [pscustomobject]@{ refundId = $ids[2] }
        ($rows | Get-PandaponTaobaoRefund @p).RefundId | Should -Be $ids[0..2]
        # A reverse order piped back is read again by its RefundId (it also has PurchaseOrderId and SalesOrderId).
        (Get-PandaponTaobaoRefund @p -RefundId $ids[3], $ids[4] | Get-PandaponTaobaoRefund @p).RefundId | Should -Be $ids[3..4]
    }

    It 'reads the awkward records: ids and amounts as strings, an unknown status code kept as its number, a sparse one' {
        $awkward = @(Get-PandaponTaobaoRefund @p -RefundId 100000000001, 100000000002, 100000000003, 100000000004 -WarningVariable warnings)
        $warnings | Should -BeNullOrEmpty
        $awkward.RefundId | Should -Be @('100000000001', '100000000002', '100000000003', '100000000004')
        $awkward[0].PurchaseOrderId | Should -Match '^\d+$'
        $awkward[1].RefundFee | Should -BeOfType [decimal]
        $awkward[2].StatusCode | Should -Be 50
        "$($awkward[2].Status)" | Should -Be '50'
        $awkward[3].Status | Should -Be 'Applied'
        $awkward[3].PurchaseOrderId | Should -BeNullOrEmpty
    }

    It 'keeps the record when a field cannot be read: one warning naming it, the field empty, the rest intact' {
        $body = '{"requestId":"0123456789abcdef0123456789abcdef","code":200,"msg":"成功","developId":"1","data":' +
            '{"currency":"CNY","refundOrderAggregate":{"refundOrder":{"refundId":110000000123,"refundStatus":10,"refundFee":"12,50","gmtCreate":"2025年3月1日"},' +
            '"purchaseOrderLine":{"purchaseOrderId":3800000000000001,"itemTitle":"杯子"}}}}'
        $stub = Start-StubApi -Body $body
        try {
            $stubParams = @{ Credential = $p.Credential; UserId = $p.UserId; Endpoint = $stub.Endpoint }
            $r = Get-PandaponTaobaoRefund @stubParams -RefundId 110000000123 -WarningVariable warnings -WarningAction SilentlyContinue
            $r.RefundId | Should -Be '110000000123'
            $r.Status | Should -Be 'Applied'
            $r.ItemTitle | Should -Be '杯子'
            $r.RefundFee | Should -BeNullOrEmpty
            $r.CreateTime | Should -BeNullOrEmpty
            $r.UnreadFields.Keys | Should -Be @('refundOrderAggregate.refundOrder.refundFee', 'refundOrderAggregate.refundOrder.gmtCreate')
            @($warnings).Count | Should -Be 1
            "$warnings" | Should -Match '^Taobao reverse order 110000000123: 2 fields could not be read and are empty: .*refundFee "12,50".*gmtCreate "2025年3月1日"'
        }
        finally { $stub.Dispose() }
    }

    It 'reports an unknown id as an error with the code and requestId, and goes on with the next' {
        $good = (Get-Ids $sb)[3]
        $out = @('119999999999', $good | Get-PandaponTaobaoRefund @p -ErrorVariable errs -ErrorAction SilentlyContinue)
        $out.RefundId | Should -Be @($good)
        $errs.Count | Should -Be 1
        $errs[0].Exception.Code | Should -Be 40403
        $errs[0].Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
        $errs[0].TargetObject | Should -Be '119999999999'
    }
}

Describe 'The cross-platform id hint' {
    It 'tells Get-PandaponRefund, given a Taobao id, to use Get-PandaponTaobaoRefund, before any request' {
        Reset-Stats $sb
        Get-PandaponRefund @p -RefundId 110000235001 -ErrorVariable e -ErrorAction SilentlyContinue
        "$e" | Should -Match "-RefundId '110000235001' is not valid: .*Taobao reverse-order id: read it with Get-PandaponTaobaoRefund"
        $e[0].FullyQualifiedErrorId | Should -Match '^Pandapon.InvalidRefundId'
        (Get-SandboxStats $sb).total | Should -Be 0
    }

    It 'tells Get-PandaponTaobaoRefund, given a 1688 id, to use Get-PandaponRefund, and refuses other non-numeric ids' {
        Reset-Stats $sb
        Get-PandaponTaobaoRefund @p -RefundId TQ21443713367004032, 'abc', '2.0196E+18' -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 3
        "$($e[0])" | Should -Match "-RefundId 'TQ21443713367004032' is not valid: .*1688 refund id: read it with Get-PandaponRefund"
        "$($e[1])" | Should -Match "-RefundId 'abc' is not valid: a Taobao reverse-order id is digits only"
        "$($e[2])" | Should -Match "scientific notation"
        (Get-SandboxStats $sb).total | Should -Be 0
    }
}

Describe 'Stop-PandaponTaobaoRefund' {
    It 'sends nothing with -WhatIf (sandbox stats), and the reverse order stays Applied' {
        $id = (Get-Ids $sb 10)[0]
        Reset-Stats $sb
        Stop-PandaponTaobaoRefund @p -RefundId $id -WhatIf
        (Get-SandboxStats $sb).total | Should -Be 0
        (Get-PandaponTaobaoRefund @p -RefundId $id).Status | Should -Be 'Applied'
    }

    It 'withdraws with -Force, and -PassThru re-reads it: Closed' {
        $id = (Get-Ids $sb 20)[0]
        Reset-Stats $sb
        $r = Stop-PandaponTaobaoRefund @p -RefundId $id -Force -PassThru
        $r.RefundId | Should -Be $id
        $r.Status | Should -Be 'Closed'
        $stats = Get-SandboxStats $sb
        $stats.requests.'/open/order/refund/cancel/{refundId}' | Should -Be 1
        $stats.requests.'/v2/taobao/order/refund/query' | Should -Be 1
    }

    It 'writes the reverse order the cancel answer carries (one request each), and takes the output of Get-PandaponTaobaoRefund' {
        $ids = (Get-Ids $sb 10)[1..2]
        $before = $ids | Get-PandaponTaobaoRefund @p
        Reset-Stats $sb
        $out = @($before | Stop-PandaponTaobaoRefund @p -Force)
        $out.RefundId | Should -Be $ids
        $out.Status | Should -Be @('Closed', 'Closed')
        $stats = Get-SandboxStats $sb
        $stats.requests.'/open/order/refund/cancel/{refundId}' | Should -Be 2
        $stats.total | Should -Be 2
        ($ids | Get-PandaponTaobaoRefund @p).Status | Should -Be @('Closed', 'Closed')
    }

    It 'is an error when cancelSuccess is false (a refunded one), sent once, never retried' {
        $id = (Get-Ids $sb 100)[0]
        Reset-Stats $sb
        Stop-PandaponTaobaoRefund @p -RefundId $id -Force -MaxRetries 5 -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -Match '^Pandapon.TaobaoRefundNotCancelled'
        "$($e[0])" | Should -Match "Reverse order $id was not withdrawn \(cancelSuccess false, status Succeeded\)"
        (Get-SandboxStats $sb).requests.'/open/order/refund/cancel/{refundId}' | Should -Be 1
    }

    It 'never retries the cancel after a server error, and says it may or may not have happened' {
        $failing = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--taobao-refunds', '5', '--fault-rate', '1', '--fault-kinds', 'server'
        try {
            $fp = Get-Params $failing
            Stop-PandaponTaobaoRefund @fp -RefundId 110000000001 -Force -MaxRetries 3 -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -Match '^Pandapon.TaobaoRefundCancelOutcomeUnknown'
            "$($e[0])" | Should -Match 'may or may not have been withdrawn'
            (Get-SandboxStats $failing).requests.'/open/order/refund/cancel/{refundId}' | Should -Be 1
        }
        finally { $failing | Stop-PandaponSandbox }
    }
}

Describe 'Send-PandaponTaobaoRefundMessage' {
    It 'sends one message per CSV row; a bad row is refused before sending and the others go on' {
        $ids = (Get-Ids $sb 10)[5..6]
        $csv = Join-Path $work 'messages.csv'
        @(
            [pscustomobject]@{ RefundId = $ids[0]; Message = '商品有破损，照片见附件'; ImageUrl = 'https://img.alicdn.com/a.jpg;https://img.alicdn.com/b.jpg' }
            [pscustomobject]@{ RefundId = $ids[1]; Message = ''; ImageUrl = '' }
            [pscustomobject]@{ RefundId = $ids[1]; Message = '请尽快处理'; ImageUrl = '' }
        ) | Export-Csv $csv -NoTypeInformation
        Reset-Stats $sb
        $sent = @(Import-Csv $csv | Send-PandaponTaobaoRefundMessage @p -Force -ErrorVariable e -ErrorAction SilentlyContinue)
        $sent.Count | Should -Be 2
        $sent.RefundId | Should -Be @($ids[0], $ids[1])
        $sent[0].ImageUrl.Count | Should -Be 2
        $e.Count | Should -Be 1
        "$($e[0])" | Should -Match "Reverse order '$($ids[1])': -Message is required: 1 to 500 characters. No message was sent for it."
        (Get-SandboxStats $sb).requests.'/open/order/refund/submit/message' | Should -Be 2
        $kept = Invoke-RestMethod "$($sb.endpoint)/sandbox/taobao/refunds/$($ids[0])/messages"
        $kept[-1].refundMessage | Should -Be '商品有破损，照片见附件'
        $kept[-1].refundImages | Should -Be @('https://img.alicdn.com/a.jpg', 'https://img.alicdn.com/b.jpg')
    }

    It 'refuses a message over 500 characters, more than 9 images and a bad URL before any request, naming the value' {
        $id = (Get-Ids $sb 10)[7]
        Reset-Stats $sb
        Send-PandaponTaobaoRefundMessage @p -RefundId $id -Message ('长' * 501) -Force -ErrorVariable e1 -ErrorAction SilentlyContinue
        "$e1" | Should -Match "-Message '.*' is not valid: it is 501 characters long; PandaPon accepts 1 to 500"
        $ten = 1..10 | ForEach-Object { "https://img.alicdn.com/$_.jpg" }
        Send-PandaponTaobaoRefundMessage @p -RefundId $id -Message 'x' -ImageUrl $ten -Force -ErrorVariable e2 -ErrorAction SilentlyContinue
        "$e2" | Should -Match '-ImageUrl is not valid: 10 URLs were given; PandaPon accepts at most 9'
        Send-PandaponTaobaoRefundMessage @p -RefundId $id -Message 'x' -ImageUrl 'ftp://x/y.jpg' -Force -ErrorVariable e3 -ErrorAction SilentlyContinue
        "$e3" | Should -Match "-ImageUrl 'ftp://x/y.jpg' is not valid"
        Send-PandaponTaobaoRefundMessage @p -RefundId 'TQ21443713367004032' -Message 'x' -Force -ErrorVariable e4 -ErrorAction SilentlyContinue
        "$e4" | Should -Match "-RefundId 'TQ21443713367004032' is not valid"
        (Get-SandboxStats $sb).total | Should -Be 0
    }

    It 'sends nothing with -WhatIf' {
        $id = (Get-Ids $sb 10)[8]
        Reset-Stats $sb
        Send-PandaponTaobaoRefundMessage @p -RefundId $id -Message '你好' -WhatIf
        (Get-SandboxStats $sb).total | Should -Be 0
    }
}
