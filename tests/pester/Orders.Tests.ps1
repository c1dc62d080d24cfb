# The order cmdlets (issue 12) against sandboxes of this file's own: listing with lazy paging, by id, the order ->
# refund pipeline, CSV, logistics, cancel, receipt and pay URL. Request counts come from the sandbox's stats.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Config = $env:PANDAPON_TEST_CONFIGURATION
    $script:Invariant = [cultureinfo]::InvariantCulture
    $script:Sandboxes = Start-PandaponSandboxSet -Configuration $Config -ArgumentLists @{
        main     = @('--orders', '300', '--refunds', '200')
        upstream = @('--orders', '300', '--refunds', '200', '--order-page-shape', 'upstream')
        acts     = @('--orders', '60', '--refunds', '20')
        doomed   = @('--orders', '300', '--refunds', '0')
        twin     = @('--orders', '300', '--refunds', '0')
        slow     = @('--orders', '300', '--refunds', '0', '--latency-ms', '100')
    }
    $script:Main = $Sandboxes.main
    $script:PagePath = '/v2/alibaba/order/page'

    function Use-Sandbox($Sandbox) {
        @{ Credential = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString $Sandbox.secretKey -AsPlainText -Force)); UserId = $Sandbox.userId; Endpoint = $Sandbox.endpoint }
    }
    function Reset-Stats($Sandbox) { $null = Invoke-RestMethod -Method Post "$($Sandbox.endpoint)/sandbox/stats/reset" }
    function Get-Requests($Sandbox, [string]$Path) { (Get-SandboxStats $Sandbox).requests.$Path }
    function Get-RawPage($Sandbox, [hashtable]$Body) {
        $call = @{ Path = $PagePath; Body = $Body; Idempotent = $true } + (Use-Sandbox $Sandbox)
        Invoke-PandaponRequest @call -ErrorAction Stop
    }
    function Get-RawDetail($Sandbox, [string]$OrderId) {
        $call = @{ Path = '/alibaba/order/detail'; Body = @{ webSite = '1688'; orderId = $OrderId }; Idempotent = $true } + (Use-Sandbox $Sandbox)
        Invoke-PandaponRequest @call -ErrorAction Stop
    }
    $script:M = Use-Sandbox $Main
    # Every order of the main sandbox, listed once by the cmdlet (pages of 100).
    $script:All = @(Get-PandaponOrder @M -PageSize 100)
}

AfterAll {
    $Sandboxes.Values | Stop-PandaponSandbox
}

Describe 'Get-PandaponOrder as a list' {
    It 'lists every order once, newest first, as typed Order objects, with the total the page gave' {
        $raw = Get-RawPage $Main @{ pageNo = 1; pageSize = 1 }
        $All.Count | Should -Be $raw.totalRecords
        $All[0] | Should -BeOfType ([Pandapon.Models.Order])
        @($All.OrderId | Select-Object -Unique).Count | Should -Be $All.Count
        for ($i = 1; $i -lt $All.Count; $i++) { $All[$i].CreateTime | Should -BeLessOrEqual $All[$i - 1].CreateTime }
        $All[0].OrderId | Should -Be $raw.data[0].baseInfo.id.ToString($Invariant)
    }

    It 'sends -First 3 as ONE page request' {
        Reset-Stats $Main
        $three = @(Get-PandaponOrder @M -First 3)
        $three.Count | Should -Be 3
        $three.OrderId | Should -Be $All[0..2].OrderId
        Get-Requests $Main $PagePath | Should -Be 1
    }

    It 'costs at most two page requests behind | Select-Object -First 3' {
        Reset-Stats $Main
        $three = @(Get-PandaponOrder @M | Select-Object -First 3)
        $three.OrderId | Should -Be $All[0..2].OrderId
        Get-Requests $Main $PagePath | Should -BeLessOrEqual 2
    }

    It 'asks only for the pages holding -Skip and -First' {
        Reset-Stats $Main
        $some = @(Get-PandaponOrder @M -Skip 120 -First 5 -PageSize 50)
        $some.OrderId | Should -Be $All[120..124].OrderId
        Get-Requests $Main $PagePath | Should -Be 1
        Reset-Stats $Main
        $across = @(Get-PandaponOrder @M -Skip 45 -First 10 -PageSize 50)
        $across.OrderId | Should -Be $All[45..54].OrderId
        Get-Requests $Main $PagePath | Should -Be 2
    }

    It 'pages by -PageSize: a whole listing costs one request per page, none after the last' {
        Reset-Stats $Main
        $listed = @(Get-PandaponOrder @M -PageSize 40)
        $listed.OrderId | Should -Be $All.OrderId
        Get-Requests $Main $PagePath | Should -Be ([Math]::Ceiling($All.Count / 40))
    }

    It 'keeps pages in flight together (page 2 before page 1 is written; never more than three at once)' {
        # Every answer of this sandbox takes at least 100 ms, so requests the pager sends together overlap for sure.
        # A request's span in the history (start, start + duration) ends before its page is handed over, so no more
        # spans can overlap than pages may be ahead of the one being written.
        $slow = $Sandboxes.slow
        $s = Use-Sandbox $slow
        Reset-Stats $slow
        $firstItemAt = $null
        $listed = @(Get-PandaponOrder @s -PageSize 20 | ForEach-Object { if ($null -eq $firstItemAt) { $firstItemAt = [DateTimeOffset]::UtcNow }; $_ })
        $pages = Get-Requests $slow $PagePath
        $pages | Should -Be ([Math]::Ceiling($listed.Count / 20))
        $spans = @(Get-PandaponHistory -Last $pages | ForEach-Object { [pscustomobject]@{ Start = $_.Time; End = $_.Time + $_.Duration; Path = $_.Path } })
        $spans.Path | Select-Object -Unique | Should -Be $PagePath
        $spans[1].Start | Should -BeLessThan $firstItemAt
        $together = foreach ($span in $spans) { @($spans | Where-Object { $_.Start -le $span.Start -and $_.End -gt $span.Start }).Count }
        ($together | Measure-Object -Maximum).Maximum | Should -BeIn 2, 3
    }

    It 'writes the total first with -IncludeTotalCount (and only the total with -First 0, from one request)' {
        $raw = Get-RawPage $Main @{ pageNo = 1; pageSize = 1; orderStatus = 'success' }
        $out = @(Get-PandaponOrder @M -Status success -IncludeTotalCount -First 2)
        $out.Count | Should -Be 3
        $out[0].ToString() | Should -Be "Total count: $($raw.totalRecords)"
        $out[1] | Should -BeOfType ([Pandapon.Models.Order])
        Reset-Stats $Main
        $only = @(Get-PandaponOrder @M -Status success -IncludeTotalCount -First 0)
        $only.Count | Should -Be 1
        $only[0].ToString() | Should -Be "Total count: $($raw.totalRecords)"
        Get-Requests $Main $PagePath | Should -Be 1
    }

    It 'filters by -Status (any case) exactly as the page does' {
        foreach ($status in 'waitbuyerpay', 'WaitBuyerReceive', 'cancel') {
            $listed = @(Get-PandaponOrder @M -Status $status)
            $listed.Count | Should -Be @($All | Where-Object Status -eq $status).Count
            $listed.Count | Should -BeGreaterThan 0
            $listed.Status | Select-Object -Unique | Should -Be $status.ToLowerInvariant()
        }
    }

    It 'filters by -CreatedAfter and -CreatedBefore, both inclusive, whatever the offset given' {
        $after = $All[200].CreateTime
        $before = $All[20].CreateTime
        $listed = @(Get-PandaponOrder @M -CreatedAfter $after.ToUniversalTime() -CreatedBefore $before)
        $listed.OrderId | Should -Be $All[20..200].OrderId
    }

    It 'merges -Filter into the body (here a status, through the API field name)' {
        $listed = @(Get-PandaponOrder @M -Filter @{ orderStatus = 'success' } -First 5)
        $listed.Status | Select-Object -Unique | Should -Be 'success'
    }

    It 'reads 1688''s page shape ({result[], totalRecord}) the same' {
        $u = Use-Sandbox $Sandboxes.upstream
        $upstream = @(Get-PandaponOrder @u -PageSize 100 -IncludeTotalCount)
        $upstream[0].ToString() | Should -Be "Total count: $($All.Count)"
        $upstream[1..($upstream.Count - 1)].OrderId | Should -Be $All.OrderId
    }

    It 'converts each unit as documented: yuan kept, fen divided by 100' {
        $order = $All | Where-Object { $_.RefundPayment -gt 0 } | Select-Object -First 1
        $order | Should -Not -BeNullOrEmpty
        $raw = Get-RawDetail $Main $order.OrderId
        $order.TotalAmount | Should -Be ([decimal]$raw.baseInfo.totalAmount)
        $order.ShippingFee | Should -Be ([decimal]$raw.baseInfo.shippingFee)
        $order.RefundPayment | Should -Be ([decimal]$raw.baseInfo.refundPayment / 100)
        $order.Discount | Should -Be ([decimal]$raw.baseInfo.discount / 100)
        $order.CreateTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        $order.Items.Count | Should -Be @($raw.productItems).Count
        $order.Items[0].OrderEntryId | Should -Be $raw.productItems[0].subItemID.ToString($Invariant)
        $order.Items[0].Price | Should -Be ([decimal]$raw.productItems[0].price)
        $order.UnreadFields.Count | Should -Be 0
    }

    It 'exports to CSV with no type names, the lines in one readable cell and 19-digit ids intact' {
        $file = Join-Path ([IO.Path]::GetTempPath()) ("orders-$([Guid]::NewGuid().ToString('N')).csv")
        try {
            @($All[0..44]) + @($All | Where-Object { $_.RefundIds.Count -gt 0 } | Select-Object -First 5) | Export-Csv $file
            $text = Get-Content -Raw $file
            $text | Should -Not -Match 'Pandapon\.Models|System\.|\{\}'
            $rows = @(Import-Csv $file)
            $rows.Count | Should -Be 50
            $rows[0].OrderId | Should -Be $All[0].OrderId
            $rows[0].Items | Should -Match '^\d+ lines?: '
            $withRefund = $rows | Where-Object RefundIds | Select-Object -First 1
            $withRefund.RefundIds | Should -Match '^TQ\d+(;TQ\d+)*$'
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }

    It 'gives the lines as rows with -ExpandProperty Items' {
        $order = $All | Where-Object { $_.Items.Count -ge 2 } | Select-Object -First 1
        $lines = @($order | Select-Object -ExpandProperty Items)
        $lines.Count | Should -Be $order.Items.Count
        $lines[0] | Should -BeOfType ([Pandapon.Models.OrderItem])
        $lines.OrderId | Select-Object -Unique | Should -Be $order.OrderId
    }

    It 'writes the rows as sent with -Raw, paged the same' {
        $raw = @(Get-PandaponOrder @M -Raw -First 3)
        $raw.Count | Should -Be 3
        $raw[0] | Should -BeOfType [pscustomobject]
        $raw.ForEach({ $_.baseInfo.idOfStr }) | Should -Be $All[0..2].OrderId
        $raw[0].baseInfo.createTime | Should -Match '^\d{17}\+0800$'
    }

    It 'completes -Status with the ten statuses' {
        $line = 'Get-PandaponOrder -Status wait'
        $matches = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
        $matches | Should -Be 'waitbuyerpay', 'waitsellersend', 'waitlogisticstakein', 'waitbuyerreceive', 'waitbuyersign'
        $all = 'Get-PandaponOrder -Status '
        @((TabExpansion2 -inputScript $all -cursorColumn $all.Length).CompletionMatches).Count | Should -Be 10
    }
}

Describe 'Bad input is refused before any request' {
    It 'refuses <Case>, naming the parameter and the value' -ForEach @(
        @{ Case = 'an unknown status'; Call = { Get-PandaponOrder @M -Status shipped }; Expected = "-Status 'shipped' is not valid" }
        @{ Case = '-CreatedAfter later than -CreatedBefore'; Call = { Get-PandaponOrder @M -CreatedAfter '2025-12-02' -CreatedBefore '2025-12-01' }; Expected = '-CreatedAfter ''2025120' }
        @{ Case = '-PageSize 0'; Call = { Get-PandaponOrder @M -PageSize 0 }; Expected = "-PageSize '0' is not valid" }
        @{ Case = 'a paging field in -Filter'; Call = { Get-PandaponOrder @M -Filter @{ pageNo = 2 } }; Expected = "-Filter 'pageNo' is not valid" }
        @{ Case = '-First with -OrderId'; Call = { Get-PandaponOrder @M -OrderId 1 -First 1 }; Expected = '-First pages the order list' }
    ) {
        Reset-Stats $Main
        $e = { & $Call } | Should -Throw -PassThru
        $e.Exception.Message | Should -BeLike "*$Expected*"
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidArgument*'
        (Get-SandboxStats $Main).total | Should -Be 0
    }

    It 'refuses ids that are not digits, one error each, and reads the others (Excel''s 2.0196E+18 gets the spreadsheet hint)' {
        Reset-Stats $Main
        $orders = @('2.0196E+18', $All[0].OrderId, 'abc' | Get-PandaponOrder @M -ErrorVariable errs -ErrorAction SilentlyContinue)
        $orders.OrderId | Should -Be $All[0].OrderId
        $errs.Count | Should -Be 2
        $errs[0].Exception.Message | Should -BeLike "-OrderId '2.0196E+18' is not valid*spreadsheet*No request was sent*"
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidOrderId*'
        $errs[0].TargetObject | Should -Be '2.0196E+18'
        Get-Requests $Main '/alibaba/order/detail' | Should -Be 1
    }
}

Describe 'Get-PandaponOrder by id' {
    It 'reads the orders in input order, throttled, an unknown id an error among them' {
        $ids = $All[0..9].OrderId + '1234567890123456789' + $All[10..14].OrderId
        $orders = @($ids | Get-PandaponOrder @M -ThrottleLimit 4 -ErrorVariable errs -ErrorAction SilentlyContinue)
        $orders.OrderId | Should -Be ($All[0..14].OrderId)
        $errs.Count | Should -Be 1
        $errs[0].TargetObject | Should -Be '1234567890123456789'
        $errs[0].Exception.Code | Should -Be 40402
        $errs[0].Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
        $orders[0].RequestedOrderId | Should -Be $All[0].OrderId
    }

    It 'shows the default table with the documented columns, the items as their CSV text' {
        $withItems = $All | Where-Object { $_.Items.Count -gt 0 } | Select-Object -First 1
        $lines = (Get-PandaponOrder @M -OrderId $withItems.OrderId | Format-Table | Out-String -Width 400) -split '\r?\n' | Where-Object { $_.Trim() }
        $lines[0] -split '\s+' | Where-Object { $_ } | Should -Be @('OrderId', 'Status', 'TotalAmount', 'CreateTime', 'RefundIds', 'Items')
        $lines[2] | Should -BeLike "*$($withItems.CreateTime.ToString('yyyy-MM-dd HH:mm', $Invariant))*"
        $lines[2] | Should -BeLike "*$($withItems.Items.ToString().Substring(0, 20))*"
        $lines[2] | Should -Not -Match '[{}]'
    }

    It 'binds OrderId by property name from CSV-like rows, and -Raw gives the data as sent' {
        $rows = $All[0..1] | ForEach-Object { [pscustomobject]@{ order_id = $_.OrderId } }
        @($rows | Get-PandaponOrder @M).OrderId | Should -Be $All[0..1].OrderId
        $raw = Get-PandaponOrder @M -OrderId $All[0].OrderId -Raw
        $raw.baseInfo.idOfStr | Should -Be $All[0].OrderId
    }
}

Describe 'Orders lead to their refunds' {
    It 'Get-PandaponOrder -Status waitbuyerreceive | Get-PandaponRefund returns exactly the refunds of those orders' {
        $orders = @(Get-PandaponOrder @M -Status waitbuyerreceive)
        $expected = @($orders | ForEach-Object { $_.RefundIds } | Where-Object { $_ })
        $expected.Count | Should -BeGreaterThan 0
        $refunds = @(Get-PandaponOrder @M -Status waitbuyerreceive | Get-PandaponRefund @M -ErrorVariable errs)
        $errs | Should -BeNullOrEmpty
        $refunds.RefundId | Should -Be $expected
        foreach ($refund in $refunds) { $refund.OrderId | Should -BeIn $orders.OrderId }
    }

    It 'an order without refunds gives nothing and no error' {
        $plain = $All | Where-Object { $_.RefundIds.Count -eq 0 } | Select-Object -First 1
        $plain | Should -Not -BeNullOrEmpty
        $out = @($plain | Get-PandaponRefund @M -ErrorVariable errs)
        $out.Count | Should -Be 0
        $errs | Should -BeNullOrEmpty
    }
}

Describe 'A page that fails' {
    It 'ends the listing with one error saying how many orders were written and which -Skip resumes' {
        $doomed = $Sandboxes.doomed
        $d = Use-Sandbox $doomed
        $written = [Collections.Generic.List[object]]::new()
        Get-PandaponOrder @d -PageSize 10 -MaxRetries 0 -TimeoutSec 5 -ErrorVariable errs -ErrorAction SilentlyContinue | ForEach-Object {
            $written.Add($_)
            if ($written.Count -eq 25) { $doomed | Stop-PandaponSandbox }   # the server goes away while page 3 is written
        }
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Pandapon.PageFailed*'
        $n = $written.Count
        $n | Should -BeGreaterOrEqual 30
        $n % 10 | Should -Be 0
        $errs[0].ErrorDetails.Message | Should -BeLike "Listing orders stopped at page $($n / 10 + 1) (pages of 10): $n orders were written before it.*"
        $errs[0].ErrorDetails.RecommendedAction | Should -BeLike "*-Skip $n*"
        $errs[0].Exception | Should -BeOfType ([Pandapon.Api.PandaponApiException])
        # The same listing elsewhere, resumed there, gives the rest.
        $t = Use-Sandbox $Sandboxes.twin
        $rest = @(Get-PandaponOrder @t -PageSize 10 -Skip $n)
        $full = @(Get-PandaponOrder @t -PageSize 100)
        ($written.OrderId + $rest.OrderId) | Should -Be $full.OrderId
    }
}

Describe 'A value that cannot be read' {
    It 'leaves that field empty, writes the order, and one warning naming the order and the field' {
        $view = Get-RawDetail $Main $All[0].OrderId
        $view.baseInfo.payTime = '2024年05月14日 10:30'
        $view.baseInfo.totalAmount = 'string'
        $page = @{ code = 200; msg = '成功'; requestId = ('0' * 32); developId = '1'; data = @{ totalRecords = 1; data = @($view) } } | ConvertTo-Json -Depth 12 -Compress
        $stub = Start-StubApi -Body $page
        try {
            $s = @{ Credential = $M.Credential; UserId = $M.UserId; Endpoint = $stub.Endpoint }
            $orders = @(Get-PandaponOrder @s -First 1 -WarningVariable warnings -WarningAction SilentlyContinue)
        }
        finally { $stub.Dispose() }
        $orders.Count | Should -Be 1
        $orders[0].OrderId | Should -Be $All[0].OrderId
        $orders[0].PayTime | Should -BeNullOrEmpty
        $orders[0].TotalAmount | Should -BeNullOrEmpty
        $orders[0].CreateTime | Should -Be $All[0].CreateTime
        $orders[0].UnreadFields['baseInfo.payTime'] | Should -Be '2024年05月14日 10:30'
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Be "Order $($All[0].OrderId): 2 fields could not be read and are empty: baseInfo.totalAmount ""string"", baseInfo.payTime ""2024年05月14日 10:30""."
    }
}

Describe 'Get-PandaponOrderLogistics' {
    It 'gives the steps of a shipped order, oldest first, as the trace has them' {
        $order = $All | Where-Object Status -eq 'waitbuyersign' | Select-Object -First 1
        $steps = @(Get-PandaponOrderLogistics @M -OrderId $order.OrderId)
        $call = @{ Path = '/alibaba/order/logistics/trace'; Method = 'GET'; Query = @{ orderId = $order.OrderId; webSite = '1688' } } + $M
        $trace = (Invoke-PandaponRequest @call).logisticsTrace
        $steps.Count | Should -Be (@($trace | ForEach-Object { $_.logisticsSteps }).Count)
        $steps[0] | Should -BeOfType ([Pandapon.Models.LogisticsStep])
        $steps.OrderId | Select-Object -Unique | Should -Be $order.OrderId
        foreach ($waybill in ($steps | Group-Object WaybillNo)) {
            $times = $waybill.Group.Time
            ($times | Sort-Object) | Should -Be $times
        }
        $steps[0].WaybillNo | Should -Be $trace[0].logisticsBillNo
    }

    It 'gives nothing for an order not shipped yet, and pipes from orders' {
        $unpaid = $All | Where-Object Status -eq 'waitbuyerpay' | Select-Object -First 1
        @(Get-PandaponOrderLogistics @M -OrderId $unpaid.OrderId -ErrorVariable errs).Count | Should -Be 0
        $errs | Should -BeNullOrEmpty
        $piped = @($All | Where-Object Status -eq 'signinsuccess' | Select-Object -First 2 | Get-PandaponOrderLogistics @M)
        @($piped.OrderId | Select-Object -Unique).Count | Should -Be 2
    }
}

Describe 'Order actions' {
    BeforeAll {
        $script:A = Use-Sandbox $Sandboxes.acts
        $script:Acts = @(Get-PandaponOrder @A -PageSize 100)
    }

    It 'Stop-PandaponOrder -WhatIf sends nothing' {
        Reset-Stats $Sandboxes.acts
        $unpaid = $Acts | Where-Object Status -eq 'waitbuyerpay' | Select-Object -First 1
        Stop-PandaponOrder @A -OrderId $unpaid.OrderId -Reason buyerCancel -WhatIf
        (Get-SandboxStats $Sandboxes.acts).total | Should -Be 0
        (Get-PandaponOrder @A -OrderId $unpaid.OrderId).Status | Should -Be 'waitbuyerpay'
    }

    It 'Stop-PandaponOrder cancels an unpaid order; -PassThru reads it back' {
        $unpaid = $Acts | Where-Object Status -eq 'waitbuyerpay' | Select-Object -First 1
        $order = Stop-PandaponOrder @A -OrderId $unpaid.OrderId -Reason sellerGoodsLack -Remark '缺货' -Force -PassThru
        $order | Should -BeOfType ([Pandapon.Models.Order])
        $order.Status | Should -Be 'cancel'
        $order.CloseReason | Should -Be 'sellerGoodsLack'
        @(Stop-PandaponOrder @A -OrderId ($Acts | Where-Object Status -eq 'waitbuyerpay' | Select-Object -Skip 1 -First 1).OrderId -Reason other -Force).Count | Should -Be 0
    }

    It 'Stop-PandaponOrder of a paid order is one error with 1688''s code and a hint, sent once' {
        $paid = $Acts | Where-Object Status -eq 'waitsellersend' | Select-Object -First 1
        Reset-Stats $Sandboxes.acts
        Stop-PandaponOrder @A -OrderId $paid.OrderId -Reason other -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].Exception.Code | Should -Be 6001
        $errs[0].ErrorDetails.RecommendedAction | Should -BeLike '*waitbuyerpay*-OrderId*'
        (Get-SandboxStats $Sandboxes.acts).requests.'/alibaba/order/cancel' | Should -Be 1
    }

    It 'Stop-PandaponOrder refuses an unknown reason before sending' {
        { Stop-PandaponOrder @A -OrderId 1 -Reason changedMyMind -Force } | Should -Throw -ExpectedMessage '*Reason*'
    }

    It 'Confirm-PandaponOrderReceipt confirms a signed-for order; a second time is 1688''s refusal' {
        $signed = $Acts | Where-Object Status -eq 'signinsuccess' | Select-Object -First 1
        $result = Confirm-PandaponOrderReceipt @A -OrderId $signed.OrderId -Force
        $result | Should -BeOfType ([Pandapon.Models.OrderReceiptResult])
        $result.Success | Should -BeTrue
        $result.OrderId | Should -Be $signed.OrderId
        (Get-PandaponOrder @A -OrderId $signed.OrderId).Status | Should -Be 'confirm_goods'
        Confirm-PandaponOrderReceipt @A -OrderId $signed.OrderId -Force -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs.Count | Should -Be 1
        $errs[0].Exception.Message | Should -BeLike '*ORDER_STATUS_NOT_SUPPORT*'
        $errs[0].Exception.Kind | Should -Be 'Business'
    }

    It 'Confirm-PandaponOrderReceipt -PassThru from the pipeline, with a line' {
        $order = $Acts | Where-Object Status -eq 'waitbuyersign' | Select-Object -First 1
        $read = Confirm-PandaponOrderReceipt @A -OrderId $order.OrderId -OrderEntryId $order.Items[0].OrderEntryId -Force -PassThru
        $read.Status | Should -Be 'confirm_goods'
        Confirm-PandaponOrderReceipt @A -OrderId 1 -OrderEntryId 'x' -WhatIf -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].Exception.Message | Should -BeLike "-OrderEntryId 'x' is not valid*"
    }

    It 'Get-PandaponOrderPaymentUrl gives a link for an unpaid order and none for a paid one' {
        $unpaid = Get-PandaponOrder @A -Status waitbuyerpay -First 1
        $paid = $Acts | Where-Object Status -eq 'success' | Select-Object -First 1
        $links = @($unpaid, $paid | Get-PandaponOrderPaymentUrl @A)
        $links.Count | Should -Be 2
        $links[0].OrderId | Should -Be $unpaid.OrderId
        $links[0].PayUrl | Should -Match '^https://'
        $links[0].ProtocolPaySuccess | Should -BeFalse
        $links[1].PayUrl | Should -BeNullOrEmpty
        $links[1].CantPayOrderIds | Should -Be $paid.OrderId
    }
}
