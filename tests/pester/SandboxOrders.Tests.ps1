# The sandbox's 1688 orders (issue 12, sandbox side): the order page, detail, logistics trace, cancel, receive goods
# and pay URL, talked to with Invoke-PandaponRequest (which signs) and, where the raw answer matters, Invoke-WebRequest.
# The sandboxes are this file's own: the action tests change their orders.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Config = $env:PANDAPON_TEST_CONFIGURATION
    $script:Invariant = [cultureinfo]::InvariantCulture
    $script:AllStatuses = 'waitbuyerpay', 'waitsellersend', 'waitlogisticstakein', 'waitbuyerreceive', 'waitbuyersign', 'signinsuccess',
        'confirm_goods', 'success', 'cancel', 'terminated'
    $script:Sandboxes = Start-PandaponSandboxSet -Configuration $Config -ArgumentLists @{
        main     = @('--orders', '60')
        upstream = @('--orders', '60', '--order-page-shape', 'upstream')
        acts     = @('--orders', '40', '--refunds', '20')
        seed42a  = @('--seed', '42', '--orders', '30', '--refunds', '10')
        seed42b  = @('--seed', '42', '--orders', '10', '--refunds', '10')
        seed43   = @('--seed', '43', '--orders', '10', '--refunds', '10')
        large    = @('--orders', '100000', '--refunds', '0')
        faults   = @('--orders', '10', '--refunds', '2', '--fault-rate', '1', '--fault-kinds', 'ratelimit')
    }
    $script:Main = $Sandboxes.main

    function Use-Sandbox($Sandbox) {
        @{ Credential = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString $Sandbox.secretKey -AsPlainText -Force)); UserId = $Sandbox.userId; Endpoint = $Sandbox.endpoint }
    }
    function Invoke-Sandbox($Sandbox, [string]$Path, [hashtable]$Body, [hashtable]$Query, [string]$Method = 'POST', [switch]$Write) {
        <# A signed request; a POST that only reads is -Idempotent. Errors are terminating (catch them with Get-ApiError). #>
        $call = @{ Path = $Path; Method = $Method; MaxRetries = 0 } + (Use-Sandbox $Sandbox)
        if ($Body) { $call.Body = $Body }
        if ($Query) { $call.Query = $Query }
        if ($Method -eq 'POST' -and -not $Write) { $call.Idempotent = $true }
        Invoke-PandaponRequest @call -ErrorAction Stop
    }
    function Get-ApiError([scriptblock]$Call) {
        try { $null = & $Call } catch { return $_.Exception }
        throw 'The request was expected to fail but succeeded.'
    }
    function Get-OrderPage($Sandbox, [hashtable]$Body) { Invoke-Sandbox $Sandbox /v2/alibaba/order/page -Body $Body }
    function Get-AllOrders($Sandbox, [hashtable]$Filter = @{}, [int]$PageSize = 100) {
        <# Every page until a short one: the rows in order, the totals each page gave, and how many pages it took. #>
        $rows = [Collections.Generic.List[object]]::new()
        $totals = [Collections.Generic.List[long]]::new()
        $pageNo = 0
        do {
            $pageNo++
            $page = Get-OrderPage $Sandbox ($Filter + @{ pageNo = $pageNo; pageSize = $PageSize })
            $data = @($page.data)
            foreach ($row in $data) { $rows.Add($row) }
            $totals.Add($page.totalRecords)
        } while ($data.Count -eq $PageSize)
        [pscustomobject]@{ Rows = $rows.ToArray(); Totals = $totals.ToArray(); Pages = $pageNo }
    }
    function Get-Detail($Sandbox, $OrderId) { Invoke-Sandbox $Sandbox /alibaba/order/detail -Body @{ webSite = '1688'; orderId = "$OrderId" } }
    function Get-Trace($Sandbox, $OrderId) { Invoke-Sandbox $Sandbox /alibaba/order/logistics/trace -Method GET -Query @{ orderId = "$OrderId"; webSite = '1688' } }
    function Get-PayUrl($Sandbox, $OrderId) { Invoke-Sandbox $Sandbox /alibaba/order/pay/url -Method GET -Query @{ orderId = "$OrderId" } }
    function Get-Json($Sandbox, [string]$Path) { @((Invoke-RestMethod "$($Sandbox.endpoint)$Path") | ForEach-Object { $_ }) }
    function Get-Id($Row) { $Row.baseInfo.id.ToString($Invariant) }
    function ConvertTo-Text($Value) { $Value | ConvertTo-Json -Depth 12 -Compress }
    function ConvertTo-Utc([string]$Gmt) {
        # 1688's yyyyMMddHHmmssSSS+0800 as the same instant written with +0000.
        [datetime]::ParseExact($Gmt.Substring(0, 17), 'yyyyMMddHHmmssfff', $Invariant).AddHours(-8).ToString('yyyyMMddHHmmssfff', $Invariant) + '+0000'
    }
    function Get-RawData($Sandbox, [string]$Path, [string]$Body = '', [string]$Query = '', [string]$Method = 'POST') {
        <# The answer's "data" exactly as the sandbox wrote it (signed by hand, sent with Invoke-WebRequest). #>
        $s = Get-PandaponSignature -AccessKey $Sandbox.accessKey -SecretKey $Sandbox.secretKey -UserId $Sandbox.userId -Method $Method -Path $Path -Body $Body
        $headers = @{ 'access-key' = $s.AccessKey; 'timestamp' = $s.Timestamp; 'nonce-str' = $s.Nonce; 'user-id' = $Sandbox.userId; 'signature' = $s.Signature }
        $request = @{ Uri = "$($Sandbox.endpoint)$Path$Query"; Method = $Method; Headers = $headers; ContentType = 'application/json' }
        if ($Body) { $request.Body = [Text.Encoding]::UTF8.GetBytes($Body) }
        $content = [string](Invoke-WebRequest @request).Content
        $content.Substring($content.IndexOf('"data":'))
    }
    function Get-Sha256([string]$Text) { [Convert]::ToHexStringLower([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($Text))) }
    function Invoke-SandboxExe([string[]]$Arguments) {
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

    # The whole list of the main sandbox, walked once: 1000 refund-backed orders, 4 behind the awkward refunds and 54
    # fresh ones (6 of the 60 were bought by another account and are not the caller's).
    $script:Walk = Get-AllOrders $Main
}

AfterAll {
    if ($Sandboxes) { $Sandboxes.Values | Stop-PandaponSandbox }
}

Describe 'Sandbox order page' {
    It 'pages through every order once: no order skipped or repeated, the same total on every page' {
        $ids = @($Walk.Rows | ForEach-Object { Get-Id $_ })
        $ids.Count | Should -Be 1058
        @($ids | Sort-Object -Unique).Count | Should -Be $ids.Count
        @($Walk.Totals | Sort-Object -Unique) | Should -Be @(1058)
        $Walk.Pages | Should -Be 11
        # Another page size walks the same orders in the same order.
        $again = Get-AllOrders $Main -PageSize 37
        @($again.Rows | ForEach-Object { Get-Id $_ }) | Should -Be $ids
    }

    It 'lists newest first: creation time descending, then order id descending' {
        $rows = $Walk.Rows
        $problems = for ($i = 1; $i -lt $rows.Count; $i++) {
            $a = $rows[$i - 1].baseInfo; $b = $rows[$i].baseInfo
            $cmp = [string]::CompareOrdinal($a.createTime, $b.createTime)
            if ($cmp -lt 0 -or ($cmp -eq 0 -and $a.id -le $b.id)) { "row $i $($b.id) $($b.createTime) after $($a.id) $($a.createTime)" }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'answers in PandaPon''s paging envelope by default: totalRecords, totalPage, pageSize, currentPage, data' {
        $page = Get-OrderPage $Main @{ pageNo = 2; pageSize = 25 }
        @($page.PSObject.Properties.Name) | Should -Be 'totalRecords', 'totalPage', 'pageSize', 'currentPage', 'data'
        $page.totalRecords | Should -Be 1058
        $page.totalPage | Should -Be 43
        $page.pageSize | Should -Be 25
        $page.currentPage | Should -Be 2
        @($page.data | ForEach-Object { Get-Id $_ }) | Should -Be @($Walk.Rows[25..49] | ForEach-Object { Get-Id $_ })
    }

    It 'answers in 1688''s shape with --order-page-shape upstream: result and totalRecord, the same rows' {
        $page = Get-OrderPage $Sandboxes.upstream @{ pageNo = 2; pageSize = 25 }
        @($page.PSObject.Properties.Name) | Should -Be 'result', 'totalRecord'
        $page.totalRecord | Should -Be 1058
        ConvertTo-Text $page.result | Should -BeExactly (ConvertTo-Text (Get-OrderPage $Main @{ pageNo = 2; pageSize = 25 }).data)
    }

    It 'writes each row exactly as the order detail writes that order' {
        foreach ($row in $Walk.Rows[0], $Walk.Rows[7], $Walk.Rows[500], $Walk.Rows[-1]) {
            ConvertTo-Text $row | Should -BeExactly (ConvertTo-Text (Get-Detail $Main (Get-Id $row)))
        }
    }

    It 'has orders in each of the ten statuses, and -orderStatus <_> lists exactly them' -ForEach @(
        'waitbuyerpay', 'waitsellersend', 'waitlogisticstakein', 'waitbuyerreceive', 'waitbuyersign', 'signinsuccess',
        'confirm_goods', 'success', 'cancel', 'terminated'
    ) {
        $status = $_
        $expected = @($Walk.Rows | Where-Object { $_.baseInfo.status -eq $status } | ForEach-Object { Get-Id $_ })
        $expected.Count | Should -BeGreaterThan 0
        $listed = Get-AllOrders $Main -Filter @{ orderStatus = $status }
        @($listed.Rows | ForEach-Object { Get-Id $_ }) | Should -Be $expected
        @($listed.Totals | Sort-Object -Unique) | Should -Be @($expected.Count)
    }

    It 'filters by creation time, both ends inclusive, in any UTC offset' {
        $newest = $Walk.Rows[100].baseInfo.createTime
        $oldest = $Walk.Rows[199].baseInfo.createTime
        $expected = @($Walk.Rows[100..199] | ForEach-Object { Get-Id $_ })
        $listed = Get-AllOrders $Main -Filter @{ createStartTime = $oldest; createEndTime = $newest }
        @($listed.Rows | ForEach-Object { Get-Id $_ }) | Should -Be $expected
        $utc = Get-AllOrders $Main -Filter @{ createStartTime = (ConvertTo-Utc $oldest); createEndTime = (ConvertTo-Utc $newest) }
        @($utc.Rows | ForEach-Object { Get-Id $_ }) | Should -Be $expected
        # One end only.
        (Get-OrderPage $Main @{ pageNo = 1; pageSize = 1; createEndTime = $newest }).totalRecords | Should -Be ($Walk.Rows.Count - 100)
        (Get-OrderPage $Main @{ pageNo = 1; pageSize = 1; createStartTime = $oldest }).totalRecords | Should -Be 200
    }

    It 'combines a status and a time window' {
        $window = $Walk.Rows[0..599]
        $expected = @($window | Where-Object { $_.baseInfo.status -eq 'waitbuyerreceive' } | ForEach-Object { Get-Id $_ })
        $listed = Get-AllOrders $Main -Filter @{ orderStatus = 'waitbuyerreceive'; createStartTime = $window[-1].baseInfo.createTime; webSite = '1688' } -PageSize 20
        @($listed.Rows | ForEach-Object { Get-Id $_ }) | Should -Be $expected
    }

    It 'answers a page past the end with no rows and the totals' {
        $page = Get-OrderPage $Main @{ pageNo = 12; pageSize = 100 }
        @($page.data).Count | Should -Be 0
        $page.totalRecords | Should -Be 1058
        $page.totalPage | Should -Be 11
        $none = Get-OrderPage $Main @{ pageNo = 1; pageSize = 10; createEndTime = '20000101000000000+0800' }
        $none.totalRecords | Should -Be 0
        $none.totalPage | Should -Be 0
    }

    It 'refuses a bad page field with 40001 "invalid request: <Field>"' -ForEach @(
        @{ Body = @{ pageSize = 10 }; Field = 'pageNo is required' }
        @{ Body = @{ pageNo = 0; pageSize = 10 }; Field = 'pageNo must be from 1 to 2147483647, not 0' }
        @{ Body = @{ pageNo = 'first'; pageSize = 10 }; Field = 'pageNo must be a whole number (a 64-bit integer), not "first"' }
        @{ Body = @{ pageNo = 1 }; Field = 'pageSize is required' }
        @{ Body = @{ pageNo = 1; pageSize = 0 }; Field = 'pageSize must be from 1 to 100, not 0' }
        @{ Body = @{ pageNo = 1; pageSize = 101 }; Field = 'pageSize must be from 1 to 100, not 101' }
        @{ Body = @{ pageNo = 1; pageSize = 1.5 }; Field = 'pageSize must be a whole number (a 64-bit integer), not 1.5' }
        @{ Body = @{ pageNo = 1; pageSize = 10; orderStatus = 'paid' }; Field = 'orderStatus must be one of waitbuyerpay, *, not paid' }
        @{ Body = @{ pageNo = 1; pageSize = 10; createStartTime = '2025-11-01 08:00:00' }; Field = 'createStartTime must be 1688''s yyyyMMddHHmmssSSS+0800*' }
        @{ Body = @{ pageNo = 1; pageSize = 10; createEndTime = '20251301000000000+0800' }; Field = 'createEndTime must be 1688''s*' }
        @{ Body = @{ pageNo = 1; pageSize = 10; createStartTime = '20251102000000000+0800'; createEndTime = '20251101000000000+0800' }; Field = 'createStartTime 20251102000000000+0800 is after createEndTime*' }
        @{ Body = @{ pageNo = 1; pageSize = 10; webSite = 'taobao' }; Field = 'webSite must be 1688*' }
    ) {
        $e = Get-ApiError { Get-OrderPage $Main $Body }
        $e.Code | Should -Be 40001
        $e.HttpStatus | Should -Be 400
        $e.ServerMessage | Should -BeLike "invalid request: $Field"
    }
}

Describe 'Sandbox orders and refunds' {
    It 'has the order of every generated refund, whose lines carry the refund''s id and status' {
        $ids = Get-Json $Main /sandbox/refunds
        $listed = [Collections.Generic.HashSet[string]]::new([string[]]@($Walk.Rows | ForEach-Object { Get-Id $_ }))
        $itemStatus = @{ waitselleragree = 'WAIT_SELLER_AGREE'; waitbuyermodify = 'WAIT_BUYER_MODIFY'; waitbuyersend = 'WAIT_BUYER_SEND'
            waitsellerreceive = 'WAIT_SELLER_RECEIVE'; refundsuccess = 'REFUND_SUCCESS'; refundclose = 'REFUND_CLOSED' }
        $sample = @(for ($i = 0; $i -lt 1000; $i += 20) { $ids[$i] }) + @($ids[1000..1003])
        $problems = foreach ($refundId in $sample) {
            $refund = Invoke-Sandbox $Main /alibaba/refund/info -Body @{ refundId = $refundId }
            $orderId = "$($refund.orderId)"
            if (-not $listed.Contains($orderId)) { "$refundId order $orderId not in the page list" }
            $order = Get-Detail $Main $orderId
            $items = @($order.productItems)
            if ($items.Count -lt 1 -or $items.Count -gt 4) { "$refundId order $orderId has $($items.Count) lines" }
            $mine = @($items | Where-Object refundId -eq $refundId)
            if ($mine.Count -eq 0) { "$refundId is on no line of $orderId" }
            foreach ($item in $mine) {
                if ($item.refundStatus -ne $itemStatus[$refund.status]) { "$refundId line $($item.subItemID) refundStatus $($item.refundStatus), refund $($refund.status)" }
            }
            if ($refund.orderEntryIdList) {
                $entries = @($refund.orderEntryIdList | ConvertFrom-Json | ForEach-Object { $_.ToString($Invariant) })
                $onLines = @($mine | ForEach-Object { $_.subItemID.ToString($Invariant) })
                if (($entries -join ',') -ne ($onLines -join ',')) { "$refundId entries $($entries -join ',') but lines $($onLines -join ',')" }
            }
            foreach ($item in $items | Where-Object { $_.refundId -and $_.refundId -ne $refundId }) { "$orderId line $($item.subItemID) has another refund $($item.refundId)" }
        }
        $problems | Should -BeNullOrEmpty
        # Every refund, not only the sample, is on a line of a listed order, and no line names a refund that does not exist.
        $onLines = @($Walk.Rows | ForEach-Object { $_.productItems } | Where-Object refundId | ForEach-Object refundId | Sort-Object -Unique)
        $onLines | Should -Be @($ids | Sort-Object -Unique)
    }

    It 'gives every order 1 to 4 lines whose amounts add up to the total (yuan), some with 4' {
        $problems = foreach ($row in $Walk.Rows) {
            $items = @($row.productItems)
            if ($items.Count -lt 1 -or $items.Count -gt 4) { "$(Get-Id $row) has $($items.Count) lines" }
            $sum = [decimal]0
            foreach ($item in $items) { $sum += $item.itemAmount }
            if ($row.baseInfo.sumProductPayment -ne $sum) { "$(Get-Id $row) sumProductPayment $($row.baseInfo.sumProductPayment) lines $sum" }
            if ($row.baseInfo.totalAmount -ne $sum + $row.baseInfo.shippingFee) { "$(Get-Id $row) totalAmount" }
            foreach ($item in $items) {
                if ($item.itemAmount -ne $item.price * $item.quantity) { "$(Get-Id $row) line $($item.subItemID) amount" }
                if ($item.status -ne $row.baseInfo.status) { "$(Get-Id $row) line status $($item.status)" }
            }
        }
        $problems | Should -BeNullOrEmpty
        @($Walk.Rows | Where-Object { @($_.productItems).Count -eq 4 }).Count | Should -BeGreaterThan 0
    }

    It 'lists the fresh orders of /sandbox/orders that the caller bought, and not the ones bought by another account' {
        $fresh = Get-Json $Main /sandbox/orders
        $fresh.Count | Should -Be 60
        $listed = @($Walk.Rows | ForEach-Object { Get-Id $_ })
        foreach ($order in $fresh) {
            if ($order.buyerIsCaller) { $listed | Should -Contain $order.orderId }
            else { $listed | Should -Not -Contain $order.orderId }
        }
        $foreign = ($fresh | Where-Object { -not $_.buyerIsCaller })[0].orderId
        (Get-ApiError { Get-Detail $Main $foreign }).Code | Should -Be 40402
        (Get-ApiError { Get-Trace $Main $foreign }).Code | Should -Be 40402
        (Get-ApiError { Get-PayUrl $Main $foreign }).Code | Should -Be 40402
    }
}

Describe 'Sandbox order logistics' {
    BeforeAll {
        function Get-FirstInStatus([string]$Status) { ($Walk.Rows | Where-Object { $_.baseInfo.status -eq $Status } | Select-Object -First 1) }
    }

    It 'has no waybill before the order ships (<_>)' -ForEach 'waitbuyerpay', 'waitsellersend', 'cancel' {
        $row = Get-FirstInStatus $_
        $trace = Get-Trace $Main (Get-Id $row)
        @($trace.PSObject.Properties.Name) | Should -Be 'logisticsTrace'
        @($trace.logisticsTrace).Count | Should -Be 0
        @($row.nativeLogistics.logisticsItems).Count | Should -Be 0
    }

    It 'has more steps the further the order went, oldest first, one or two waybills as in the detail' {
        $stages = [ordered]@{ waitlogisticstakein = 'pickup'; waitbuyerreceive = 'transit'; waitbuyersign = 'delivery'; signinsuccess = 'signed'; confirm_goods = 'signed'; success = 'signed' }
        $problems = foreach ($status in $stages.Keys) {
            foreach ($row in @($Walk.Rows | Where-Object { $_.baseInfo.status -eq $status } | Select-Object -First 3)) {
                $id = Get-Id $row
                $trace = @((Get-Trace $Main $id).logisticsTrace)
                if ($trace.Count -notin 1, 2) { "$id has $($trace.Count) waybills" }
                $bills = @($row.nativeLogistics.logisticsItems | ForEach-Object logisticsBillNo)
                if ((@($trace.logisticsBillNo) -join ',') -ne ($bills -join ',')) { "$id waybills $(@($trace.logisticsBillNo) -join ',') but the detail has $($bills -join ',')" }
                foreach ($waybill in $trace) {
                    if ($waybill.orderId -ne $row.baseInfo.id) { "$id waybill orderId $($waybill.orderId)" }
                    if (-not $waybill.logisticsCompanyName -or -not $waybill.logisticsId) { "$id waybill without company or id" }
                    $steps = @($waybill.logisticsSteps)
                    $times = @($steps.acceptTime)
                    if (@($times | Where-Object { $_ -notmatch '^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$' })) { "$id acceptTime form" }
                    if (($times -join ',') -ne ((@($times | Sort-Object -CaseSensitive) -join ','))) { "$id steps not oldest first" }
                    $last = $steps[-1].remark
                    $ok = switch ($stages[$status]) {
                        'pickup' { $steps.Count -eq 1 -and $last -like '*等待*揽收' }
                        'transit' { $steps.Count -ge 4 -and $last -notlike '*派送*' -and $last -notlike '*签收*' }
                        'delivery' { $steps.Count -ge 5 -and $last -like '*派送中*' }
                        'signed' { $steps.Count -ge 6 -and $last -like '*已签收*' }
                    }
                    if (-not $ok) { "$id ($status) has $($steps.Count) steps ending '$last'" }
                }
            }
        }
        $problems | Should -BeNullOrEmpty
        # Some orders went in two parcels.
        @($Walk.Rows | Where-Object { @($_.nativeLogistics.logisticsItems).Count -eq 2 }).Count | Should -BeGreaterThan 0
    }

    It 'refuses a trace without webSite=1688 (40001) and an unknown order (40402)' {
        $id = Get-Id $Walk.Rows[0]
        $e = Get-ApiError { Invoke-Sandbox $Main /alibaba/order/logistics/trace -Method GET -Query @{ orderId = $id } }
        $e.Code | Should -Be 40001
        $e.ServerMessage | Should -Be 'invalid request: webSite is required'
        $e = Get-ApiError { Invoke-Sandbox $Main /alibaba/order/logistics/trace -Method GET -Query @{ orderId = '12x'; webSite = '1688' } }
        $e.ServerMessage | Should -BeLike 'invalid request: orderId must be a whole number*'
        $e = Get-ApiError { Get-Trace $Main '2000000000000000001' }
        $e.Code | Should -Be 40402
        $e.ServerMessage | Should -Be 'order not found: 2000000000000000001'
    }
}

Describe 'Sandbox order actions' {
    BeforeAll {
        $script:Acts = $Sandboxes.acts
        $script:ActOrders = (Get-AllOrders $Acts).Rows
        $script:ActTaken = [Collections.Generic.HashSet[string]]::new()
        function Get-ActOrder([string]$Status) {
            <# An order of the acts sandbox in $Status that no earlier test changed. #>
            $row = $ActOrders | Where-Object { $_.baseInfo.status -eq $Status -and -not $ActTaken.Contains((Get-Id $_)) } | Select-Object -First 1
            if (-not $row) { throw "The acts sandbox has no unused $Status order left; raise --orders." }
            $null = $ActTaken.Add((Get-Id $row))
            Get-Id $row
        }
        function Stop-Order($OrderId, [string]$Reason = 'buyerCancel', [string]$Remark) {
            $body = @{ webSite = '1688'; orderId = "$OrderId"; cancelReason = $Reason }
            if ($Remark) { $body.remark = $Remark }
            Invoke-Sandbox $Acts /alibaba/order/cancel -Body $body -Write
        }
        function Confirm-Receipt($OrderId, $EntryIds) {
            $body = @{ orderId = "$OrderId" }
            if ($null -ne $EntryIds) { $body.orderEntryIds = @($EntryIds) }
            Invoke-Sandbox $Acts /alibaba/order/receivegoods -Body $body -Write
        }
    }

    It 'cancels an unpaid order: data true, the order is cancel from then on, in the detail and the list' {
        $id = Get-ActOrder waitbuyerpay
        $with = Use-Sandbox $Acts
        $raw = Invoke-PandaponRequest /alibaba/order/cancel -Body @{ webSite = '1688'; orderId = $id; cancelReason = 'other'; remark = '重复下单' } -Envelope @with -ErrorAction Stop
        $raw.code | Should -Be 200
        $raw.data | Should -BeTrue
        $detail = Get-Detail $Acts $id
        $detail.baseInfo.status | Should -Be 'cancel'
        $detail.baseInfo.closeReason | Should -Be 'other'
        $detail.baseInfo.closeRemark | Should -Be '重复下单'
        $detail.baseInfo.closeTime | Should -Match '^\d{17}\+0800$'
        @($detail.productItems.status | Sort-Object -Unique) | Should -Be 'cancel'
        @((Get-AllOrders $Acts -Filter @{ orderStatus = 'cancel' }).Rows | ForEach-Object { Get-Id $_ }) | Should -Contain $id
        @((Get-AllOrders $Acts -Filter @{ orderStatus = 'waitbuyerpay' }).Rows | ForEach-Object { Get-Id $_ }) | Should -Not -Contain $id
        @((Get-Trace $Acts $id).logisticsTrace).Count | Should -Be 0
    }

    It 'refuses to cancel an order that is not waitbuyerpay (<_>) with 6001, and leaves it as it was' -ForEach 'waitsellersend', 'waitbuyerreceive', 'success' {
        $status = $_
        $id = Get-ActOrder $status
        $e = Get-ApiError { Stop-Order $id }
        $e.Code | Should -Be 6001
        $e.ServerMessage | Should -Be "订单状态不允许取消(order status does not allow cancel): $status，只有待付款(waitbuyerpay)订单可以取消 (only unpaid orders can be cancelled)"
        (Get-Detail $Acts $id).baseInfo.status | Should -Be $status
    }

    It 'refuses to cancel an order twice; it stays cancel' {
        $id = Get-ActOrder waitbuyerpay
        Stop-Order $id | Should -BeTrue
        (Get-ApiError { Stop-Order $id }).ServerMessage | Should -BeLike '*: cancel，*'
        (Get-Detail $Acts $id).baseInfo.status | Should -Be 'cancel'
    }

    It 'refuses a cancel with 40001 "<Msg>"' -ForEach @(
        @{ Body = @{ orderId = '2000000000000000001'; cancelReason = 'buyerCancel' }; Msg = 'invalid request: webSite is required' }
        @{ Body = @{ webSite = '1688'; cancelReason = 'buyerCancel' }; Msg = 'invalid request: orderId is required' }
        @{ Body = @{ webSite = '1688'; orderId = '2000000000000000001' }; Msg = 'invalid request: cancelReason is required' }
        @{ Body = @{ webSite = '1688'; orderId = '2000000000000000001'; cancelReason = '不想要了' }; Msg = 'invalid request: cancelReason must be one of buyerCancel, sellerGoodsLack, other, not 不想要了' }
    ) {
        $e = Get-ApiError { Invoke-Sandbox $Acts /alibaba/order/cancel -Body $Body -Write }
        $e.Code | Should -Be 40001
        $e.ServerMessage | Should -Be $Msg
    }

    It 'answers a cancel of an unknown order with 40402' {
        (Get-ApiError { Stop-Order '2000000000000000001' }).Code | Should -Be 40402
    }

    It 'gives an unpaid order a pay URL, and lists any other in cantPayOrderList' {
        $unpaid = Get-ActOrder waitbuyerpay
        $pay = Get-PayUrl $Acts $unpaid
        @($pay.PSObject.Properties.Name) | Should -Be 'orderId', 'protocolPaySuccess', 'payUrl', 'cantPayOrderList'
        $pay.orderId.ToString($Invariant) | Should -Be $unpaid
        $pay.protocolPaySuccess | Should -BeFalse
        $pay.payUrl | Should -Be "https://trade.1688.com/order/cashier.htm?orderId=$unpaid"
        @($pay.cantPayOrderList).Count | Should -Be 0

        $paid = Get-ActOrder success
        $pay = Get-PayUrl $Acts $paid
        $pay.payUrl | Should -BeNullOrEmpty
        @($pay.cantPayOrderList | ForEach-Object { $_.ToString($Invariant) }) | Should -Be @($paid)

        # Cancelled, it can no longer be paid.
        Stop-Order $unpaid | Should -BeTrue
        @((Get-PayUrl $Acts $unpaid).cantPayOrderList | ForEach-Object { $_.ToString($Invariant) }) | Should -Be @($unpaid)
    }

    It 'refuses a pay URL without an orderId (40001) and for an unknown order (40402)' {
        (Get-ApiError { Invoke-Sandbox $Acts /alibaba/order/pay/url -Method GET }).ServerMessage | Should -Be 'invalid request: orderId is required (in the query string)'
        (Get-ApiError { Get-PayUrl $Acts '2000000000000000001' }).Code | Should -Be 40402
    }

    It 'confirms receipt of a shipped order (<_>): success, the order is confirm_goods and its parcels signed for' -ForEach 'waitbuyerreceive', 'waitbuyersign', 'signinsuccess' {
        $status = $_
        $id = Get-ActOrder $status
        $before = @((Get-Trace $Acts $id).logisticsTrace[0].logisticsSteps).Count
        $entries = @((Get-Detail $Acts $id).productItems | ForEach-Object { $_.subItemID.ToString($Invariant) })
        $result = Confirm-Receipt $id $entries
        $result.success | Should -BeTrue
        $result.errorCode | Should -Be ''
        $result.errorInfo | Should -Be ''
        $detail = Get-Detail $Acts $id
        $detail.baseInfo.status | Should -Be 'confirm_goods'
        $detail.baseInfo.completeTime | Should -Match '^\d{17}\+0800$'
        $steps = @((Get-Trace $Acts $id).logisticsTrace[0].logisticsSteps)
        $steps.Count | Should -BeGreaterOrEqual $before
        $steps[-1].remark | Should -BeLike '*已签收*'
    }

    It 'refuses receipt of an order not shipped, or twice, with success false and an errorCode' {
        $unsent = Get-ActOrder waitsellersend
        $e = Get-ApiError { Confirm-Receipt $unsent }
        $e.Kind | Should -Be 'Business'
        $e.ServerMessage | Should -Be 'ORDER_STATUS_NOT_SUPPORT: 订单当前状态不能确认收货(order status does not allow confirming receipt): waitsellersend'
        (Get-Detail $Acts $unsent).baseInfo.status | Should -Be 'waitsellersend'

        $done = Get-ActOrder waitbuyerreceive
        (Confirm-Receipt $done).success | Should -BeTrue
        (Get-ApiError { Confirm-Receipt $done }).ServerMessage | Should -BeLike 'ORDER_STATUS_NOT_SUPPORT: *: confirm_goods'
    }

    It 'refuses receipt of an entry that is not in the order, and an unknown order with 40402' {
        $id = Get-ActOrder waitbuyerreceive
        $e = Get-ApiError { Confirm-Receipt $id @('123') }
        $e.ServerMessage | Should -Be 'ORDER_ENTRY_NOT_EXIST: 子订单不属于该订单(order entry not in the order): 123'
        (Get-Detail $Acts $id).baseInfo.status | Should -Be 'waitbuyerreceive'
        (Get-ApiError { Confirm-Receipt '2000000000000000001' }).Code | Should -Be 40402
        (Get-ApiError { Invoke-Sandbox $Acts /alibaba/order/receivegoods -Body @{ orderEntryIds = @(1) } -Write }).ServerMessage | Should -Be 'invalid request: orderId is required'
    }
}

Describe 'Sandbox order paths at the gateway' {
    It 'counts requests per order path, their refusals and their successes' {
        $s = $Sandboxes.acts
        $null = Invoke-RestMethod -Method Post "$($s.endpoint)/sandbox/stats/reset"
        $rows = (Get-OrderPage $s @{ pageNo = 1; pageSize = 100 }).data
        $shipped = Get-Id ($rows | Where-Object { $_.baseInfo.status -eq 'success' } | Select-Object -First 1)
        $null = Get-Trace $s $shipped
        $null = Get-PayUrl $s $shipped
        $null = Get-ApiError { Get-OrderPage $s @{ pageNo = 0; pageSize = 1 } }
        $null = Get-ApiError { Invoke-Sandbox $s /alibaba/order/cancel -Body @{ webSite = '1688'; orderId = $shipped; cancelReason = 'other' } -Write }
        $null = Get-ApiError { Invoke-Sandbox $s /alibaba/order/receivegoods -Body @{ orderId = $shipped } -Write }
        $null = Get-ApiError { Get-PayUrl $s '2000000000000000001' }

        $stats = Get-SandboxStats $s
        $stats.requests.'/v2/alibaba/order/page' | Should -Be 2
        $stats.requests.'/alibaba/order/logistics/trace' | Should -Be 1
        $stats.requests.'/alibaba/order/pay/url' | Should -Be 2
        $stats.requests.'/alibaba/order/cancel' | Should -Be 1
        $stats.requests.'/alibaba/order/receivegoods' | Should -Be 1
        $stats.refusals.invalidRequest | Should -Be 1
        $stats.refusals.orderCancelRejected | Should -Be 1
        $stats.refusals.receiveGoodsRejected | Should -Be 1
        $stats.refusals.orderNotFound | Should -Be 1
        $stats.succeeded | Should -Be 3
        $stats.total | Should -Be 7
    }

    It 'checks the signature and the method on the order paths like on every signed path' {
        $r = Invoke-WebRequest -Uri "$($Main.endpoint)/v2/alibaba/order/page" -Method Post -Body '{"pageNo":1,"pageSize":1}' -ContentType 'application/json' -SkipHttpErrorCheck
        $r.StatusCode | Should -Be 401
        ($r.Content | ConvertFrom-Json).code | Should -Be 40101
        (Get-ApiError { Invoke-Sandbox $Main /v2/alibaba/order/page -Method GET }).Code | Should -Be 40500
        $e = Get-ApiError { Invoke-Sandbox $Main /alibaba/order/pay/url -Body @{ orderId = '1' } }
        $e.Code | Should -Be 40500
        $e.HttpStatus | Should -Be 405
    }

    It 'injects faults on the order paths' {
        $e = Get-ApiError { Get-OrderPage $Sandboxes.faults @{ pageNo = 1; pageSize = 1 } }
        $e.Code | Should -Be 42901
        (Get-SandboxStats $Sandboxes.faults).faults.ratelimit | Should -BeGreaterOrEqual 1
    }
}

Describe 'Sandbox order data per seed' {
    It 'gives the same orders for the same seed: --orders 10 is the first ten of --orders 30' {
        $a = Get-Json $Sandboxes.seed42a /sandbox/orders
        $b = Get-Json $Sandboxes.seed42b /sandbox/orders
        $a.Count | Should -Be 30
        ConvertTo-Text $b | Should -BeExactly (ConvertTo-Text $a[0..9])
        foreach ($order in $b | Where-Object buyerIsCaller) {
            ConvertTo-Text (Get-Detail $Sandboxes.seed42b $order.orderId) | Should -BeExactly (ConvertTo-Text (Get-Detail $Sandboxes.seed42a $order.orderId))
            ConvertTo-Text (Get-Trace $Sandboxes.seed42b $order.orderId) | Should -BeExactly (ConvertTo-Text (Get-Trace $Sandboxes.seed42a $order.orderId))
        }
        # The refund-backed orders are the same too: the same ten refunds give the same ten orders.
        $pageA = (Get-AllOrders $Sandboxes.seed42a).Rows | Where-Object { @($_.productItems | Where-Object refundId).Count -gt 0 }
        $pageB = (Get-AllOrders $Sandboxes.seed42b).Rows | Where-Object { @($_.productItems | Where-Object refundId).Count -gt 0 }
        @($pageB).Count | Should -Be 14
        ConvertTo-Text $pageB | Should -BeExactly (ConvertTo-Text $pageA)
    }

    It 'gives the same orders on every machine and .NET version (seed 1, pinned)' {
        # Golden values, like the refunds': the orders use the generator's SplitMix64 and integer arithmetic only. If a
        # deliberate change to the order data breaks them, update them and say so in the README.
        $page = Get-RawData $Main /v2/alibaba/order/page -Body '{"pageNo":1,"pageSize":20}'
        $old = Get-RawData $Main /v2/alibaba/order/page -Body '{"pageNo":50,"pageSize":20}'
        $trace = Get-RawData $Main /alibaba/order/logistics/trace -Method GET -Query "?orderId=$(Get-Id $Walk.Rows[1])&webSite=1688"
        @((Get-Sha256 $page), (Get-Sha256 $old), (Get-Sha256 $trace)) | Should -Be @('2ce7c1a1cabe67a01003b9c63b7757a7e4ccc6464d0b9c10b1c5014bb5576e43', '365b2d12f807f877d773d9685ccaf600ff2830f5b87924d42c0d017289015331',
            'aecc812639f5849e72478325395c7d19d58b1fe87f6e41d9c8513f4c12a8e35a')
    }

    It 'gives other orders for another seed' {
        $a = @(Get-Json $Sandboxes.seed42b /sandbox/orders | ForEach-Object orderId)
        $c = @(Get-Json $Sandboxes.seed43 /sandbox/orders | ForEach-Object orderId)
        @($c | Where-Object { $_ -in $a }) | Should -BeNullOrEmpty
    }

    It 'serves 100,000 fresh orders: totals, the last page and a time window' {
        $s = $Sandboxes.large
        $first = Get-OrderPage $s @{ pageNo = 1; pageSize = 100 }
        $first.totalRecords | Should -Be 90004       # 10,000 were bought by another account; 4 orders behind the awkward refunds
        $first.totalPage | Should -Be 901
        $last = Get-OrderPage $s @{ pageNo = 901; pageSize = 100 }
        @($last.data).Count | Should -Be 4
        $middle = Get-OrderPage $s @{ pageNo = 50; pageSize = 100; orderStatus = 'waitbuyerpay' }
        @($middle.data).Count | Should -Be 100
        @($middle.data.baseInfo.status | Sort-Object -Unique) | Should -Be 'waitbuyerpay'
        $middle.totalRecords | Should -Be 10000
    }

    It 'refuses <Arguments> at start with exit code 2 and a message naming it' -ForEach @(
        @{ Arguments = @('--order-page-shape', 'graphql'); Expected = "*--order-page-shape 'graphql' is not pandapon or upstream*" }
        @{ Arguments = @('--orders', '100001'); Expected = "*--orders '100001' is not a whole number from 0 to 100000*" }
    ) {
        $r = Invoke-SandboxExe $Arguments
        $r.ExitCode | Should -Be 2
        $r.StdErr | Should -BeLike $Expected
        $r.StdOut | Should -BeNullOrEmpty
    }
}
