# The 1688 after-sales write path as users meet it (issue 6): New-PandaponRefund, Submit-PandaponReturnShipment and
# the order detail through Invoke-PandaponRequest, against sandboxes of this file's own (the tests change their data).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Sandboxes = Start-PandaponSandboxSet -Configuration $env:PANDAPON_TEST_CONFIGURATION -ArgumentLists @{
        main  = @('--orders', '40')
        reset = @('--fault-rate', '1', '--fault-kinds', 'reset')
        stall = @('--fault-rate', '1', '--fault-kinds', 'stall')
    }
    $script:Main = $Sandboxes.main
    $script:Endpoint = $Main.endpoint
    Set-PandaponCredential -AccessKey $Main.accessKey -SecretKey $Main.secretKey -UserId $Main.userId -Endpoint $Endpoint

    # Invoke-RestMethod writes a JSON array as one object: enumerate it.
    function Get-Json([string]$Path) { @((Invoke-RestMethod "$Endpoint$Path") | ForEach-Object { $_ }) }
    $script:Orders = Get-Json /sandbox/orders
    $script:Taken = [System.Collections.Generic.HashSet[string]]::new()
    $script:Voucher = 'https://cbu01.alicdn.com/img/ibank/O1CN01test_!!2200000000-0-cib.jpg'
    $script:Invariant = [cultureinfo]::InvariantCulture

    function Get-FreshOrder([string]$Status, [switch]$Foreign, [switch]$Keep) {
        <# A fresh order in $Status that no earlier test used; -Keep leaves it free (for requests that are refused). #>
        $order = $Orders | Where-Object { $_.status -eq $Status -and $_.buyerIsCaller -ne $Foreign.IsPresent -and -not $Taken.Contains($_.orderId) } |
            Select-Object -First 1
        if (-not $order) { throw "The sandbox has no unused $Status order left; raise --orders." }
        if (-not $Keep) { $null = $Taken.Add($order.orderId) }
        $order
    }
    function Get-Total($Sandbox = $Main) { (Get-SandboxStats $Sandbox).total }
    function Get-Yuan([long]$Fen) { ([decimal]$Fen / 100).ToString('0.00', $Invariant) }
    function Read-RawRefund([string]$Id) { Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $Id } -Idempotent }
    function Get-RefundIds([string]$Status) { Get-Json "/sandbox/refunds?status=$Status" }
    function Use-Sandbox($Sandbox) {
        @{ Credential = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString $Sandbox.secretKey -AsPlainText -Force)); UserId = $Sandbox.userId; Endpoint = $Sandbox.endpoint }
    }
    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }
}

AfterAll {
    Clear-PandaponCredential
    $Sandboxes.Values | Stop-PandaponSandbox
}

Describe 'A 1688 order detail through Invoke-PandaponRequest' {
    It 'reads the buyer view of a sandbox order: baseInfo, productItems, nativeLogistics, amounts in yuan, ids exact' {
        $order = Get-FreshOrder waitbuyerreceive -Keep
        $detail = Invoke-PandaponRequest /alibaba/order/detail -Body @{ webSite = '1688'; orderId = $order.orderId } -Idempotent
        $detail.baseInfo.id | Should -BeOfType [long]
        $detail.baseInfo.id.ToString($Invariant) | Should -Be $order.orderId
        $detail.baseInfo.status | Should -Be 'waitbuyerreceive'
        $detail.baseInfo.totalAmount | Should -BeOfType [decimal]
        $detail.baseInfo.totalAmount.ToString($Invariant) | Should -Be (Get-Yuan $order.totalAmount)
        $detail.baseInfo.shippingFee.ToString($Invariant) | Should -Be (Get-Yuan $order.shippingFee)
        $detail.baseInfo.createTime | Should -Match '^\d{17}\+0800$'
        $detail.productItems.Count | Should -Be $order.entries.Count
        $detail.productItems[0].subItemID.ToString($Invariant) | Should -Be $order.entries[0].entryId
        $detail.productItems[0].price.ToString($Invariant) | Should -Be (Get-Yuan $order.entries[0].price)
        $detail.productItems[0].quantity | Should -Be $order.entries[0].quantity
        $detail.productItems[0].refundId | Should -BeNullOrEmpty
        $detail.nativeLogistics.city | Should -Not -BeNullOrEmpty
        $detail.nativeLogistics.logisticsItems[0].logisticsBillNo | Should -Not -BeNullOrEmpty
        $detail.tradeTerms[0].payStatus | Should -Be '2'
    }

    It 'reads the order behind a generated refund, whose entries show the refund' {
        $refundId = (Get-Json /sandbox/refunds)[0]
        $refund = Read-RawRefund $refundId
        $detail = Invoke-PandaponRequest /alibaba/order/detail -Body @{ webSite = '1688'; orderId = $refund.orderId } -Idempotent
        $detail.baseInfo.id | Should -Be $refund.orderId
        $refunded = @($detail.productItems | Where-Object refundId -eq $refundId)
        $refunded | Should -Not -BeNullOrEmpty
        $refunded[0].subItemID.ToString($Invariant) | Should -BeIn @($refund.orderEntryIdList | ConvertFrom-Json | ForEach-Object { $_.ToString($Invariant) })
    }

    It 'answers an unknown order with 40402 and a webSite other than 1688 with 40001' {
        $e = $null
        try { Invoke-PandaponRequest /alibaba/order/detail -Body @{ webSite = '1688'; orderId = '2000000000000000001' } -Idempotent -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.NotFound,*'
        $e.Exception.Code | Should -Be 40402
        try { Invoke-PandaponRequest /alibaba/order/detail -Body @{ webSite = 'taobao'; orderId = '2000000000000000001' } -Idempotent -ErrorAction Stop } catch { $e = $_ }
        $e.Exception.Code | Should -Be 40001
        $e.Exception.ServerMessage | Should -BeLike 'invalid request: webSite must be 1688*'
    }
}

Describe 'New-PandaponRefund' {
    BeforeAll {
        $script:Probe = Get-FreshOrder waitbuyerreceive   # refused applications only: it never gets a refund
    }

    It 'opens a refund whose 123.45 yuan arrive as 12345 fen, in one request' {
        $order = Get-FreshOrder waitbuyerreceive
        $entry = $order.entries[0].entryId
        $before = Get-Total
        $result = New-PandaponRefund -OrderId $order.orderId -OrderEntryId $entry -DisputeRequest Refund -ApplyPayment 123.45 -ReasonId 20005 `
            -Description '物流长时间未更新，申请退款' -GoodsStatus refundWaitBuyerReceive -Force
        ((Get-Total) - $before) | Should -Be 1

        $result | Should -BeOfType ([Pandapon.Models.RefundCreateResult])
        $result.RefundId | Should -Match '^TQ[2-9]\d{16}$'
        $result.OrderId | Should -Be $order.orderId
        $result.OrderEntryIdList | Should -Be @($entry)
        $result.ApplyPayment | Should -Be 123.45
        $result.ApplyCarriage | Should -Be 0
        $result.RequestId | Should -Match '^[0-9a-f]{32}$'

        # What the sandbox stored, in the API's own units.
        $raw = Read-RawRefund $result.RefundId
        $raw.applyPayment | Should -BeOfType [long]
        $raw.applyPayment | Should -Be 12345
        $raw.applyCarriage | Should -Be 0
        $raw.status | Should -Be 'waitselleragree'
        $raw.orderId.ToString($Invariant) | Should -Be $order.orderId
        $raw.applyReasonId | Should -Be 20005
        $raw.orderEntryIdList | Should -Be "[$entry]"
        $raw.refundOperationList[0].discription | Should -BeLike '*退款货品金额：123.45元*说明：物流长时间未更新，申请退款'
        Get-Json /sandbox/refunds | Should -Contain $result.RefundId
        $item = (Invoke-PandaponRequest /alibaba/order/detail -Body @{ webSite = '1688'; orderId = $order.orderId } -Idempotent).productItems |
            Where-Object { $_.subItemID.ToString($Invariant) -eq $entry }
        $item.refundId | Should -Be $result.RefundId
        $item.refundStatus | Should -Be 'WAIT_SELLER_AGREE'
        $script:Opened = @{ Order = $order; Entry = $entry; RefundId = $result.RefundId }
    }

    It 'returns the new refund read back with -PassThru' {
        $order = Get-FreshOrder success
        $before = Get-Total
        $refund = New-PandaponRefund $order.orderId -OrderEntryId $order.entries[0].entryId -DisputeRequest Refund -ApplyPayment 10.5 -ReasonId 20001 `
            -Description '未收到货' -GoodsStatus aftersaleBuyerNotReceived -Force -PassThru
        ((Get-Total) - $before) | Should -Be 2
        $refund | Should -BeOfType ([Pandapon.Models.Refund])
        $refund.RefundId | Should -Match '^TQ\d{17}$'
        $refund.OrderId | Should -Be $order.orderId
        $refund.Status | Should -Be 'waitselleragree'
        $refund.ApplyPayment.ToString($Invariant) | Should -Be '10.50'
        $refund.OnlyRefund | Should -BeTrue
        $refund.DisputeType | Should -Be 2
        $refund.OrderEntryIdList | Should -Be @($order.entries[0].entryId)
        $refund.RefundOperationList.Count | Should -Be 1
        $refund.RefundOperationList[0].AfterOperateStatus | Should -Be 'waitselleragree'
        $refund.RefundOperationList[0].OperateRemark | Should -Be '买家申请退款协议，等待卖家确认'
    }

    It 'sends nothing with -WhatIf, and needs no credentials for it' {
        $order = Get-FreshOrder waitbuyerreceive -Keep
        $savedDir = $env:PANDAPON_CONFIG_DIR
        $env:PANDAPON_CONFIG_DIR = New-TestConfigDirectory
        Clear-PandaponCredential
        try {
            $before = Get-Total
            $params = @{ OrderId = $order.orderId; OrderEntryId = $order.entries[0].entryId; DisputeRequest = 'Refund'; ApplyPayment = 1; ReasonId = '20005'
                Description = '测试退款'; GoodsStatus = 'refundWaitBuyerReceive' }
            $output = New-PandaponRefund @params -WhatIf -ErrorAction Stop
            $output | Should -BeNullOrEmpty
            (Get-Total) | Should -Be $before
            # ... while the same command without -WhatIf finds no credentials: -WhatIf never looked for them.
            { New-PandaponRefund @params -Force -ErrorAction Stop } | Should -Throw -ErrorId 'Pandapon.NoCredentials,Pandapon.Commands.NewPandaponRefundCommand'
            (Get-Total) | Should -Be $before
        }
        finally {
            Remove-Item -Recurse -Force $env:PANDAPON_CONFIG_DIR
            $env:PANDAPON_CONFIG_DIR = $savedDir
            Set-PandaponCredential -AccessKey $Main.accessKey -SecretKey $Main.secretKey -UserId $Main.userId -Endpoint $Endpoint
        }
    }

    It 'refuses bad input before sending anything, naming the parameter and the value, and goes on with the next' {
        $base = @{ OrderId = $Probe.orderId; OrderEntryId = $Probe.entries[0].entryId; DisputeRequest = 'Refund'; ApplyPayment = 1; ReasonId = '20005'
            Description = '测试退款申请'; GoodsStatus = 'refundWaitBuyerReceive'; Force = $true }
        $before = Get-Total
        foreach ($change in @(
                @{ ApplyPayment = '123.456' }   # quoted: an unquoted double is refused at binding (Hardening.Tests.ps1)
                @{ Description = 'x' * 151 }
                @{ Voucher = @($Voucher) * 6 }
                @{ ApplyCarriage = -1 }
                @{ OrderId = '2019-6017' }
                @{ ApplyPayment = '123.456'; WhatIf = $true })) {
            $call = $base.Clone()
            foreach ($k in $change.Keys) { $call[$k] = $change[$k] }
            New-PandaponRefund @call -ErrorVariable +errs -ErrorAction SilentlyContinue
        }
        (Get-Total) | Should -Be $before
        $errs.Count | Should -Be 6
        foreach ($e in $errs) {
            $e.FullyQualifiedErrorId | Should -Be 'Pandapon.InvalidArgument,Pandapon.Commands.NewPandaponRefundCommand'
            $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
        $errs[0].TargetObject | Should -Be $Probe.orderId
        $errs[0].Exception.Message | Should -BeLike '-ApplyPayment 123.456 is not valid: it has more than two decimal places*'
        $errs[1].Exception.Message | Should -BeLike "-Description 'xxxxxxxxxx*…' is not valid: it is 151 characters long; PandaPon accepts 2 to 150*"
        $errs[2].Exception.Message | Should -Be '-Voucher is not valid: 6 URLs were given; PandaPon accepts at most 5.'
        $errs[3].Exception.Message | Should -Be '-ApplyCarriage -1 is not valid: an amount cannot be negative.'
        $errs[4].Exception.Message | Should -BeLike "-OrderId '2019-6017' is not valid: an order id is digits only*"
        $errs[5].Exception.Message | Should -BeLike '-ApplyPayment 123.456 is not valid*'
    }

    It 'opens refunds in bulk from a CSV: one result or one error record per row, the rest go on' {
        $unshipped = Get-FreshOrder waitsellersend
        $done = Get-FreshOrder success
        $received = Get-FreshOrder waitbuyerreceive
        $allEntries = ($unshipped.entries.entryId) -join ';'
        $full = ($unshipped.entries | Measure-Object amount -Sum).Sum
        $returned = $received.entries[0]
        $csv = Join-Path $TestDrive 'refunds.csv'
        @(
            'OrderId,orderEntryIds,DisputeRequest,ApplyPayment,ApplyCarriage,applyReasonId,Description,GoodsStatus,vouchers,OrderEntryCount'
            "$($unshipped.orderId),$allEntries,Refund,$(Get-Yuan $full),$(Get-Yuan $unshipped.shippingFee),20002,卖家缺货，全额退款,refundWaitSellerSend,,"
            "$($done.orderId),$($done.entries[0].entryId),Refund,10.00,,20013,与卖家协商一致，退部分货款,aftersaleBuyerReceived,,"
            "$($received.orderId),$($returned.entryId),returnRefund,¥$(Get-Yuan (2 * $returned.price)),,20021,颜色不符，退回2件,refundBuyerReceived,$Voucher;$Voucher,$($returned.entryId)=2"
            "$($Probe.orderId),$($Probe.entries[0].entryId),Refund,100.005,,20005,三位小数,refundWaitBuyerReceive,,"
            '2000000000000000001,2000000000000000002,Refund,1.00,,20005,不存在的订单,refundWaitBuyerReceive,,'
        ) | Set-Content -Path $csv -Encoding utf8

        $before = Get-Total
        $results = @(Import-Csv $csv | New-PandaponRefund -Force -ErrorVariable errs -ErrorAction SilentlyContinue)
        ((Get-Total) - $before) | Should -Be 4   # the row with three decimals was never sent

        $results.Count | Should -Be 3
        $errs.Count | Should -Be 2
        $results.OrderId | Should -Be @($unshipped.orderId, $done.orderId, $received.orderId)
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidArgument,*'
        $errs[0].Exception.Message | Should -BeLike '-ApplyPayment 100.005 is not valid*'
        $errs[1].FullyQualifiedErrorId | Should -BeLike 'Pandapon.Business,*'
        $errs[1].Exception.Code | Should -Be 5001
        # The error's target is the input row, so the failed rows export again exactly as they were read.
        $errs[0].TargetObject.OrderId | Should -Be $Probe.orderId
        $errs[1].TargetObject.OrderId | Should -Be '2000000000000000001'
        $errs[1].TargetObject.Description | Should -Be '不存在的订单'
        $failed = Join-Path $TestDrive 'failed.csv'
        $errs.TargetObject | Export-Csv $failed -NoTypeInformation -Encoding utf8
        $rows = @(Import-Csv $csv)
        (Get-Content $failed) | Should -Be @(($rows[3], $rows[4] | ConvertTo-Csv -NoTypeInformation))

        $first = Read-RawRefund $results[0].RefundId
        $first.applyPayment | Should -Be $full
        $first.applyCarriage | Should -Be $unshipped.shippingFee
        $first.orderEntryIdList | Should -Be "[$($unshipped.entries.entryId -join ',')]"
        (Read-RawRefund $results[1].RefundId).applyCarriage | Should -Be 0
        $return = Read-RawRefund $results[2].RefundId
        $return.applyPayment | Should -Be (2 * $returned.price)
        $return.refundGoods | Should -BeTrue
        $return.orderEntryCountMap | Should -Be "{`"$($returned.entryId)`":2}"
        $return.refundOperationList[0].vouchers | Should -Be @($Voucher, $Voucher)

        # The results go into Export-Csv as plain cells.
        $out = Join-Path $TestDrive 'opened.csv'
        $results | Export-Csv $out
        $rows = @(Import-Csv $out)
        $rows[0].PSObject.Properties.Name | Should -Be @('RefundId', 'OrderId', 'OrderEntryIdList', 'DisputeRequest', 'ApplyPayment', 'ApplyCarriage', 'Currency', 'GoodsStatus', 'RequestId')
        $rows[0].OrderEntryIdList | Should -Be $allEntries
        $rows[2].DisputeRequest | Should -Be 'ReturnRefund'
        Get-Content -Raw $out | Should -Not -Match '\b(System|Pandapon)\.[A-Z]'
    }

    It 'surfaces 1688 refusal <Code> with its code, msg and requestId' -ForEach @(
        @{ Code = 5001; Change = @{ OrderId = '2000000000000000001'; OrderEntryId = '2000000000000000002' }; Hint = '*-OrderId*' }
        @{ Code = 5002; Order = 'foreign'; Hint = '*another 1688 account*' }
        @{ Code = 5003; Change = @{ GoodsStatus = 'refundWaitSellerSend' }; Hint = '*-GoodsStatus*' }
        @{ Code = 5003; Change = @{ DisputeRequest = 'ReturnRefund' }; Hint = '*ReturnRefund needs goods that were received*' }
        @{ Code = 5004; Change = @{ ReasonId = '99999' }; Hint = '*reason id*' }
        @{ Code = 5005; Change = @{ ReasonId = '20011'; GoodsStatus = 'refundBuyerReceived' }; Hint = '*-Voucher*' }
        @{ Code = 5006; Change = @{ ReasonId = '20013'; GoodsStatus = 'refundBuyerReceived'; ApplyCarriage = 1 }; Hint = '*-ApplyCarriage 0*' }
        @{ Code = 5010; Order = 'unpaid'; Hint = '*cannot be refunded now*' }
        @{ Code = 5010; Order = 'opened'; Hint = '*cannot be refunded now*' }
        @{ Code = 5011; Change = @{ ApplyPayment = 99999999 }; Hint = '*-ApplyPayment*' }
        @{ Code = 5013; Change = @{ OrderEntryCount = 'entry=1' }; Hint = '*-OrderEntryCount*' }
        @{ Code = 5100; Change = @{ OrderEntryId = '2000000000000000009' }; Hint = $null }
    ) {
        $call = @{ OrderId = $Probe.orderId; OrderEntryId = $Probe.entries[0].entryId; DisputeRequest = 'Refund'; ApplyPayment = 1; ReasonId = '20005'
            Description = '测试退款申请'; GoodsStatus = 'refundWaitBuyerReceive'; Force = $true }
        switch ($Order) {
            'foreign' { $o = Get-FreshOrder waitbuyerreceive -Foreign -Keep; $call.OrderId = $o.orderId; $call.OrderEntryId = $o.entries[0].entryId }
            'unpaid' { $o = Get-FreshOrder waitbuyerpay -Keep; $call.OrderId = $o.orderId; $call.OrderEntryId = $o.entries[0].entryId }
            'opened' { $call.OrderId = $Opened.Order.orderId; $call.OrderEntryId = $Opened.Entry }
        }
        if ($Change) { foreach ($k in $Change.Keys) { $call[$k] = $Change[$k] } }
        if ($call.OrderEntryCount -eq 'entry=1') { $call.OrderEntryCount = @{ $Probe.entries[0].entryId = 1 } }
        $before = (Get-SandboxStats $Main).refusals.refundCreateRejected

        $e = $null
        try { New-PandaponRefund @call -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -Be 'Pandapon.Business,Pandapon.Commands.NewPandaponRefundCommand'
        $e.TargetObject | Should -Be $call.OrderId
        $e.Exception.Code | Should -Be $Code
        $e.Exception.HttpStatus | Should -Be 200
        $e.Exception.ServerMessage | Should -Not -BeNullOrEmpty
        $e.Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
        $e.Exception.Message | Should -BeLike "POST /alibaba/refund/detail/create failed: code $Code, msg '$($e.Exception.ServerMessage)', requestId $($e.Exception.RequestId) (HTTP 200).*"
        if ($Hint) { $e.ErrorDetails.RecommendedAction | Should -BeLike $Hint } else { $e.ErrorDetails | Should -BeNullOrEmpty }
        ((Get-SandboxStats $Main).refusals.refundCreateRejected - $before) | Should -Be 1
    }

    It 'is refused by the sandbox, as by the service, for what the cmdlet never sends (5012, yuan for fen, an id through a double)' {
        $body = [ordered]@{ orderId = [long]$Probe.orderId; orderEntryIds = @([long]$Probe.entries[0].entryId); disputeRequest = 'refund'; applyPayment = 100
            applyCarriage = 0; applyReasonId = 20005; description = 'x'; goodsStatus = 'refundWaitBuyerReceive' }
        $e = $null
        try { Invoke-PandaponRequest /alibaba/refund/detail/create -Body $body -ErrorAction Stop } catch { $e = $_ }
        $e.Exception.Code | Should -Be 5012
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*2 to 150 characters*'

        $json = "{`"orderId`":$($Probe.orderId),`"orderEntryIds`":[$($Probe.entries[0].entryId)],`"disputeRequest`":`"refund`",`"applyPayment`":1.5,`"applyCarriage`":0,`"applyReasonId`":20005,`"description`":`"yuan sent`",`"goodsStatus`":`"refundWaitBuyerReceive`"}"
        try { Invoke-PandaponRequest /alibaba/refund/detail/create -Body $json -ErrorAction Stop } catch { $e = $_ }
        $e.Exception.Code | Should -Be 40001
        $e.Exception.ServerMessage | Should -Be 'invalid request: applyPayment must be a whole number of fen (1 yuan = 100 fen), not 1.5'

        $json = $json.Replace('"applyPayment":1.5', '"applyPayment":150') -replace '"orderId":\d+', ('"orderId":' + ([double]$Probe.orderId).ToString('E16', $Invariant))
        try { Invoke-PandaponRequest /alibaba/refund/detail/create -Body $json -ErrorAction Stop } catch { $e = $_ }
        $e.Exception.Code | Should -Be 40001
        $e.Exception.ServerMessage | Should -BeLike 'invalid request: orderId must be a whole number*'
    }

    It 'is never retried after a fault, and says the refund may or may not exist and how to check' {
        $call = Use-Sandbox $Sandboxes.reset
        $order = $Orders[0]
        $before = Get-SandboxStats $Sandboxes.reset
        $e = $null
        try {
            New-PandaponRefund $order.orderId -OrderEntryId $order.entries[0].entryId -DisputeRequest Refund -ApplyPayment 1 -ReasonId 20002 `
                -Description '测试' -GoodsStatus refundWaitSellerSend -Force @call -ErrorAction Stop
        } catch { $e = $_ }
        $after = Get-SandboxStats $Sandboxes.reset
        ($after.requests.'/alibaba/refund/detail/create' - $before.requests.'/alibaba/refund/detail/create') | Should -Be 1
        ($after.faults.reset - $before.faults.reset) | Should -Be 1
        $e.FullyQualifiedErrorId | Should -Be 'Pandapon.RefundOutcomeUnknown,Pandapon.Commands.NewPandaponRefundCommand'
        $e.CategoryInfo.Category | Should -Be 'ConnectionError'
        $e.Exception.Kind | Should -Be 'Network'
        "$e" | Should -BeLike "*not retried because POST /alibaba/refund/detail/create is not idempotent*The refund for order $($order.orderId) may or may not have been created.*Invoke-PandaponRequest /alibaba/order/detail -Body @{ webSite = '1688'; orderId = '$($order.orderId)' } -Idempotent*"
        $e.ErrorDetails.RecommendedAction | Should -BeLike 'Before you try again, check whether it exists*'
    }

    It 'says the same after a timeout' {
        $call = Use-Sandbox $Sandboxes.stall
        $order = $Orders[0]
        $before = (Get-SandboxStats $Sandboxes.stall).requests.'/alibaba/refund/detail/create'
        $e = $null
        try {
            New-PandaponRefund $order.orderId -OrderEntryId $order.entries[0].entryId -DisputeRequest Refund -ApplyPayment 1 -ReasonId 20002 `
                -Description '测试' -GoodsStatus refundWaitSellerSend -Force @call -TimeoutSec 1 -ErrorAction Stop
        } catch { $e = $_ }
        ((Get-SandboxStats $Sandboxes.stall).requests.'/alibaba/refund/detail/create' - $before) | Should -Be 1
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.RefundOutcomeUnknown,*'
        $e.CategoryInfo.Category | Should -Be 'OperationTimeout'
        "$e" | Should -BeLike '*timed out: no answer within 1 s.*may or may not have been created*'
    }

    It 'reports a refused connection as a plain network error: nothing was sent' {
        $credential = [pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
        $e = $null
        try {
            New-PandaponRefund $Probe.orderId -OrderEntryId $Probe.entries[0].entryId -DisputeRequest Refund -ApplyPayment 1 -ReasonId 20005 -Description '测试' `
                -GoodsStatus refundWaitBuyerReceive -Force -Credential $credential -UserId 1 -Endpoint "http://127.0.0.1:$(Get-ClosedPort)" -ErrorAction Stop
        } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.Network,*'
        "$e" | Should -Not -BeLike '*may or may not*'
    }

    It 'says so when the answer has no refund id, and when the new refund cannot be read back' {
        $credential = [pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
        $call = @{ OrderId = $Probe.orderId; OrderEntryId = $Probe.entries[0].entryId; DisputeRequest = 'Refund'; ApplyPayment = 1; ReasonId = '20005'
            Description = '测试'; GoodsStatus = 'refundWaitBuyerReceive'; Force = $true; Credential = $credential; UserId = '1' }

        $stub = Start-StubApi -Body '{"requestId":"r1","code":200,"msg":"成功","data":{}}'
        try {
            $e = $null
            try { New-PandaponRefund @call -Endpoint $stub.Endpoint -ErrorAction Stop } catch { $e = $_ }
            $stub.Requests | Should -Be 1
        } finally { $stub.Dispose() }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.RefundOutcomeUnknown,*'
        "$e" | Should -BeLike "*field 'data.refundId'*may or may not have been created*"

        # The refund is opened (the stub answers with an id) but reading it back fails: say it exists.
        $opened = '{"requestId":"r2","code":200,"msg":"成功","data":{"refundId":"TQ20000000000000001"}}'
        $stub = Start-StubApi -Body $opened, '{"requestId":"r3","code":40401,"msg":"refund not found: TQ20000000000000001","data":null}'
        try {
            $e = $null
            try { New-PandaponRefund @call -Endpoint $stub.Endpoint -PassThru -ErrorAction Stop } catch { $e = $_ }
            $stub.Requests | Should -Be 2
        } finally { $stub.Dispose() }
        $e.FullyQualifiedErrorId | Should -Be 'Pandapon.ReadBackFailed,Pandapon.Commands.NewPandaponRefundCommand'
        $e.TargetObject | Should -Be $Probe.orderId
        "$e" | Should -BeLike "The refund TQ20000000000000001 was opened for order $($Probe.orderId), but reading refund TQ20000000000000001 back failed: *40401*"
        $e.ErrorDetails.RecommendedAction | Should -BeLike 'Do not send it again.*Get-PandaponRefund -RefundId TQ20000000000000001*'
    }

    It 'writes the read-back refund with one warning when a field of it cannot be read, as Get-PandaponRefund does' {
        $credential = [pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
        $call = @{ OrderId = $Probe.orderId; OrderEntryId = $Probe.entries[0].entryId; DisputeRequest = 'Refund'; ApplyPayment = 1; ReasonId = '20005'
            Description = '测试'; GoodsStatus = 'refundWaitBuyerReceive'; Force = $true; Credential = $credential; UserId = '1' }
        $stub = Start-StubApi -Body '{"requestId":"r2","code":200,"msg":"成功","data":{"refundId":"TQ20000000000000001","applyPayment":"abc","status":"waitselleragree"}}'
        try {
            $refund = New-PandaponRefund @call -Endpoint $stub.Endpoint -PassThru -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop
        } finally { $stub.Dispose() }
        $refund | Should -BeOfType ([Pandapon.Models.Refund])
        $refund.Status | Should -Be 'waitselleragree'
        $refund.ApplyPayment | Should -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Be 'Refund TQ20000000000000001: 1 field could not be read and is empty: applyPayment "abc".'
    }

    It 'completes -GoodsStatus with the five values and -DisputeRequest with its two' {
        $line = 'New-PandaponRefund -GoodsStatus '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('aftersaleBuyerNotReceived', 'aftersaleBuyerReceived', 'refundBuyerReceived', 'refundWaitBuyerReceive', 'refundWaitSellerSend')
        $line = 'New-PandaponRefund -GoodsStatus after'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('aftersaleBuyerNotReceived', 'aftersaleBuyerReceived')
        $line = 'New-PandaponRefund -DisputeRequest '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Refund', 'ReturnRefund')
    }
}

Describe 'Submit-PandaponReturnShipment' {
    It 'moves a waitbuyersend refund to waitsellerreceive, with the shipment as the newest operation' {
        $id = (Get-RefundIds waitbuyersend)[0]
        $before = Read-RawRefund $id
        $before.status | Should -Be 'waitbuyersend'
        $count = @($before.refundOperationList).Count

        $result = Submit-PandaponReturnShipment -RefundId $id -LogisticsCompanyNo ZTO -FreightBill 781234567890123 -Description '已按卖家地址寄回' -Voucher $Voucher
        $result | Should -BeOfType ([Pandapon.Models.ReturnShipmentResult])
        $result.RefundId | Should -Be $id
        $result.LogisticsCompanyNo | Should -Be 'ZTO'
        $result.FreightBill | Should -Be '781234567890123'
        $result.Vouchers | Should -Be @($Voucher)
        $result.RequestId | Should -Match '^[0-9a-f]{32}$'

        $after = Read-RawRefund $id
        $after.status | Should -Be 'waitsellerreceive'
        $after.freightBill | Should -Be '781234567890123'
        $after.buyerLogisticsName | Should -Be '中通快递'
        $after.buyerSendGoods | Should -BeTrue
        @($after.refundOperationList).Count | Should -Be ($count + 1)
        $newest = $after.refundOperationList[0]
        $newest.beforeOperateStatus | Should -Be 'waitbuyersend'
        $newest.afterOperateStatus | Should -Be 'waitsellerreceive'
        $newest.freightBill | Should -Be '781234567890123'
        $newest.logisticsCompany.companyNo | Should -Be 'ZTO'
        $newest.vouchers | Should -Be @($Voucher)
        $newest.discription | Should -Be '物流公司：中通快递；运单号：781234567890123；说明：已按卖家地址寄回'
        ($after.refundOperationList[1] | ConvertTo-Json -Compress) | Should -Be ($before.refundOperationList[0] | ConvertTo-Json -Compress)
        Get-RefundIds waitbuyersend | Should -Not -Contain $id
        Get-RefundIds waitsellerreceive | Should -Contain $id
    }

    It 'takes the refund id from the pipeline and returns the refund read back with -PassThru' {
        $id = (Get-RefundIds waitbuyersend)[0]
        $refund = $id | Submit-PandaponReturnShipment -LogisticsCompanyNo SF -FreightBill SF1234567890123 -PassThru
        $refund | Should -BeOfType ([Pandapon.Models.Refund])
        $refund.RefundId | Should -Be $id
        $refund.Status | Should -Be 'waitsellerreceive'
        $refund.FreightBill | Should -Be 'SF1234567890123'
        $refund.RefundOperationList[0].LogisticsCompanyNo | Should -Be 'SF'
        $refund.RefundOperationList[0].AfterOperateStatus | Should -Be 'waitsellerreceive'
    }

    It 'carries a whole return: opened, agreed by the seller (sandbox), shipped from the piped result' {
        $order = Get-FreshOrder waitbuyerreceive
        $entry = $order.entries[0]
        $created = New-PandaponRefund $order.orderId -OrderEntryId $entry.entryId -OrderEntryCount @{ $entry.entryId = 2 } -DisputeRequest ReturnRefund `
            -ApplyPayment (Get-Yuan (2 * $entry.price)) -ReasonId 20026 -Description '7天无理由退货，退回2件' -GoodsStatus refundBuyerReceived -Force
        (Read-RawRefund $created.RefundId).orderEntryCountMap | Should -Be "{`"$($entry.entryId)`":2}"

        (Invoke-RestMethod -Method Post "$Endpoint/sandbox/refunds/$($created.RefundId)/agree").status | Should -Be 'waitbuyersend'
        $shipped = $created | Submit-PandaponReturnShipment -LogisticsCompanyNo YTO -FreightBill YT1234567890123
        $shipped.RefundId | Should -Be $created.RefundId

        $raw = Read-RawRefund $created.RefundId
        $raw.status | Should -Be 'waitsellerreceive'
        @($raw.refundOperationList.afterOperateStatus) | Should -Be @('waitsellerreceive', 'waitbuyersend', 'waitselleragree')
        $raw.refundOperationList[1].refundAddress | Should -Not -BeNullOrEmpty
    }

    It 'surfaces 1688 refusal <Code> with its code, msg, requestId and a hint, and changes nothing' -ForEach @(
        @{ Code = 4002; Status = 'waitbuyersend'; Company = 'NOPE'; Bill = '781234567890123'; Hint = '*-LogisticsCompanyNo*-FreightBill*' }
        @{ Code = 4004; Status = 'waitbuyersend'; Company = 'SF'; Bill = '781234567890123'; Hint = 'Check -FreightBill*' }
        @{ Code = 4005; Status = $null; Company = 'ZTO'; Bill = '781234567890123'; Hint = 'Check -RefundId*' }
        @{ Code = 4007; Status = 'refundsuccess'; Company = 'ZTO'; Bill = '781234567890123'; Hint = '*waitbuyersend*' }
    ) {
        $id = if ($Status) { (Get-RefundIds $Status)[0] } else { 'TQ29999999999999999' }
        $before = if ($Status) { (Read-RawRefund $id) | ConvertTo-Json -Depth 5 -Compress }
        $e = $null
        try { Submit-PandaponReturnShipment $id $Company $Bill -ErrorAction Stop } catch { $e = $_ }
        $e.FullyQualifiedErrorId | Should -Be 'Pandapon.Business,Pandapon.Commands.SubmitPandaponReturnShipmentCommand'
        $e.TargetObject | Should -Be $id
        $e.Exception.Code | Should -Be $Code
        $e.Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
        $e.Exception.Message | Should -BeLike "POST /alibaba/refund/goods/return failed: code $Code, msg '$($e.Exception.ServerMessage)', requestId $($e.Exception.RequestId) (HTTP 200).*"
        $e.ErrorDetails.RecommendedAction | Should -BeLike $Hint
        if ($Status) { ((Read-RawRefund $id) | ConvertTo-Json -Depth 5 -Compress) | Should -Be $before }
    }

    It 'answers 4002 for an empty waybill sent past the cmdlet' {
        $e = $null
        try { Invoke-PandaponRequest /alibaba/refund/goods/return -Body @{ refundId = (Get-RefundIds waitbuyersend)[0]; logisticsCompanyNo = 'ZTO'; freightBill = '' } -ErrorAction Stop } catch { $e = $_ }
        $e.Exception.Code | Should -Be 4002
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*-FreightBill*'
    }

    It 'reports a CSV of shipments with the API column names: one result or one error record per row' {
        $ids = Get-RefundIds waitbuyersend
        $done = (Get-RefundIds waitsellerreceive)[0]
        $csv = Join-Path $TestDrive 'returns.csv'
        @(
            'refundId,logisticsCompanyNo,freightBill,description,vouchers'
            "$($ids[0]),YUNDA,431234567890123,第一箱,$Voucher;$Voucher"
            "$done,ZTO,781234567890123,,"
            "$($ids[1]),JTSD,JT1234567890123,,"
        ) | Set-Content -Path $csv -Encoding utf8
        $results = @(Import-Csv $csv | Submit-PandaponReturnShipment -ErrorVariable errs -ErrorAction SilentlyContinue)
        $results.RefundId | Should -Be @($ids[0], $ids[1])
        $results[0].Vouchers.Count | Should -Be 2
        $results[1].Description | Should -BeNullOrEmpty
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be $done
        $errs[0].Exception.Code | Should -Be 4007
        (Read-RawRefund $ids[1]).buyerLogisticsName | Should -Be '极兔速递'
    }

    It 'refuses bad input before sending anything: 11 vouchers, an id without TQ, a waybill with a space' {
        $id = (Get-RefundIds waitbuyersend)[0]
        $before = Get-Total
        Submit-PandaponReturnShipment $id ZTO 781234567890123 -Voucher (@($Voucher) * 11) -ErrorVariable +errs -ErrorAction SilentlyContinue
        Submit-PandaponReturnShipment 38953484935887616 ZTO 781234567890123 -ErrorVariable +errs -ErrorAction SilentlyContinue
        Submit-PandaponReturnShipment $id ZTO '7812 3456' -ErrorVariable +errs -ErrorAction SilentlyContinue
        (Get-Total) | Should -Be $before
        $errs.Count | Should -Be 3
        $errs.FullyQualifiedErrorId | Should -Be (@('Pandapon.InvalidArgument,Pandapon.Commands.SubmitPandaponReturnShipmentCommand') * 3)
        $errs[0].Exception.Message | Should -Be '-Voucher is not valid: 11 URLs were given; PandaPon accepts at most 10.'
        $errs[1].Exception.Message | Should -BeLike "-RefundId '38953484935887616' is not valid: a 1688 refund id is `"TQ`" followed by digits*"
        $errs[2].Exception.Message | Should -BeLike "-FreightBill '7812 3456' is not valid*"
    }

    It 'is not retried after a timeout, and says how to check whether it was recorded' {
        $call = Use-Sandbox $Sandboxes.stall
        $before = (Get-SandboxStats $Sandboxes.stall).requests.'/alibaba/refund/goods/return'
        $e = $null
        try { Submit-PandaponReturnShipment TQ38953484935887616 ZTO 781234567890123 @call -TimeoutSec 1 -ErrorAction Stop } catch { $e = $_ }
        ((Get-SandboxStats $Sandboxes.stall).requests.'/alibaba/refund/goods/return' - $before) | Should -Be 1
        $e.FullyQualifiedErrorId | Should -Be 'Pandapon.ReturnShipmentOutcomeUnknown,Pandapon.Commands.SubmitPandaponReturnShipmentCommand'
        "$e" | Should -BeLike '*timed out*The return shipment for refund TQ38953484935887616 may or may not have been recorded.*status waitsellerreceive with freightBill 781234567890123*'
    }

    It 'completes -LogisticsCompanyNo with common carriers' {
        $line = 'Submit-PandaponReturnShipment TQ1 -LogisticsCompanyNo Y'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('YTO', 'YUNDA', 'YZXB')
        $line = 'Submit-PandaponReturnShipment TQ1 -LogisticsCompanyNo 顺丰'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('SF')
    }
}

Describe 'The sandbox write path' {
    It 'opens exactly one refund when several applications for the same entry arrive at once' {
        $order = Get-FreshOrder waitbuyerreceive
        $body = @{ orderId = $order.orderId; orderEntryIds = @($order.entries[0].entryId); disputeRequest = 'refund'; applyPayment = 100; applyCarriage = 0
            applyReasonId = 20005; description = '并发申请'; goodsStatus = 'refundWaitBuyerReceive' }
        $module = Get-TestModulePath
        $call = Use-Sandbox $Main
        $outcomes = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            $c = $using:call
            try { (Invoke-PandaponRequest /alibaba/refund/detail/create -Body $using:body @c -ErrorAction Stop).refundId } catch { "code $($_.Exception.Code)" }
        }
        $opened = @($outcomes | Where-Object { $_ -like 'TQ*' })
        $opened.Count | Should -Be 1
        @($outcomes | Where-Object { $_ -eq 'code 5010' }).Count | Should -Be 7
        $item = (Invoke-PandaponRequest /alibaba/order/detail -Body @{ webSite = '1688'; orderId = $order.orderId } -Idempotent).productItems[0]
        $item.refundId | Should -Be $opened[0]
    }

    It 'lists fresh orders and refunds by status, and refuses an unknown status' {
        $Orders.Count | Should -Be 40
        $Orders[0].PSObject.Properties.Name | Should -Be @('orderId', 'status', 'buyerIsCaller', 'goodsStatuses', 'shippingFee', 'totalAmount', 'entries')
        # The first ten of every twenty give each case a refund application meets; the second ten the other statuses.
        $Orders.status | Sort-Object -Unique | Should -Be @('cancel', 'confirm_goods', 'signinsuccess', 'success', 'terminated', 'waitbuyerpay',
            'waitbuyerreceive', 'waitbuyersign', 'waitlogisticstakein', 'waitsellersend')
        @($Orders | Where-Object { -not $_.buyerIsCaller }).Count | Should -Be 4
        foreach ($id in Get-RefundIds refundclose | Select-Object -First 3) { (Read-RawRefund $id).status | Should -Be 'refundclose' }
        $r = Invoke-WebRequest "$Endpoint/sandbox/refunds?status=closed" -SkipHttpErrorCheck
        $r.StatusCode | Should -Be 400
        ($r.Content | ConvertFrom-Json).error | Should -BeLike "status 'closed' is not one of *"
    }

    It 'lets the seller agree only to a refund waiting for it' {
        (Invoke-WebRequest -Method Post "$Endpoint/sandbox/refunds/TQ29999999999999999/agree" -SkipHttpErrorCheck).StatusCode | Should -Be 404
        $done = (Get-RefundIds refundsuccess)[0]
        $r = Invoke-WebRequest -Method Post "$Endpoint/sandbox/refunds/$done/agree" -SkipHttpErrorCheck
        $r.StatusCode | Should -Be 409
        ($r.Content | ConvertFrom-Json).error | Should -BeLike "*is refundsuccess*"

        # A refund only is paid when the seller agrees.
        $order = Get-FreshOrder success
        $created = New-PandaponRefund $order.orderId -OrderEntryId $order.entries[0].entryId -DisputeRequest Refund -ApplyPayment 5 -ReasonId 20001 `
            -Description '未收到货' -GoodsStatus aftersaleBuyerNotReceived -Force
        (Invoke-RestMethod -Method Post "$Endpoint/sandbox/refunds/$($created.RefundId)/agree").status | Should -Be 'refundsuccess'
        $raw = Read-RawRefund $created.RefundId
        $raw.refundPayment | Should -Be 500
        $raw.gmtCompleted | Should -Match '^\d{17}\+0800$'
    }
}
