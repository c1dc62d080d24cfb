# The sandbox's Taobao after-sales paths (issue 13, item 4), through Invoke-PandaponRequest: the detail, the list with
# its filters and paging in both row shapes, cancel, messages, the /sandbox/taobao paths, determinism per seed, and the
# gateway's auth, faults and stats on the new paths. Sandboxes of this file's own: the cancel and message tests change data.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Config = $env:PANDAPON_TEST_CONFIGURATION
    $script:Sandboxes = Start-PandaponSandboxSet -Configuration $Config -ArgumentLists @{
        main   = @('--refunds', '5', '--taobao-refunds', '300')
        flat   = @('--refunds', '5', '--taobao-refunds', '300', '--taobao-list-shape', 'flat')
        writes = @('--refunds', '5', '--taobao-refunds', '300')
        seed42 = @('--refunds', '5', '--seed', '42', '--taobao-refunds', '30')
        seed42b = @('--refunds', '5', '--seed', '42', '--taobao-refunds', '10')
        seed43 = @('--refunds', '5', '--seed', '43', '--taobao-refunds', '10')
        big    = @('--refunds', '5', '--taobao-refunds', '100000')
        server = @('--refunds', '5', '--taobao-refunds', '10', '--fault-rate', '1', '--fault-kinds', 'server')
    }
    $script:Main = $Sandboxes.main
    $script:Known = 0, 10, 20, 30, 100, -10, -20
    $script:Awkward = @{ IdsAsStrings = 100000000001; AmountsAsStrings = 100000000002; UnknownStatus = 100000000003; Sparse = 100000000004 }
    $script:ListPath = '/open/order/refund/queryList'
    $script:DetailPath = '/v2/taobao/order/refund/query'
    $script:MessagePath = '/open/order/refund/submit/message'

    function Use-Sandbox($Sandbox) {
        @{ Credential = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString $Sandbox.secretKey -AsPlainText -Force)); UserId = $Sandbox.userId; Endpoint = $Sandbox.endpoint }
    }
    function Get-Detail($Sandbox, $Id, [switch]$Raw) {
        $with = Use-Sandbox $Sandbox
        Invoke-PandaponRequest $DetailPath -Query @{ refundId = "$Id" } -Raw:$Raw @with -ErrorAction Stop
    }
    function Get-Page($Sandbox, $Body) {
        $with = Use-Sandbox $Sandbox
        Invoke-PandaponRequest $ListPath -Body $Body -Idempotent @with -ErrorAction Stop
    }
    function Get-AllRows($Sandbox, [hashtable]$Filter = @{}, [int]$PageSize = 100) {
        <# Every row of the list, page after page, checking the paging envelope of each page on the way. #>
        $rows = [System.Collections.Generic.List[object]]::new()
        $pageNo = 1
        while ($true) {
            $page = Get-Page $Sandbox ($Filter + @{ pageNo = $pageNo; pageSize = $PageSize })
            $page.currentPage | Should -Be $pageNo
            $page.pageSize | Should -Be $PageSize
            $page.totalPage | Should -Be ([math]::Ceiling($page.totalRecords / $PageSize))
            foreach ($row in $page.data) { $rows.Add($row) }
            if ($pageNo -ge $page.totalPage) { break }
            @($page.data).Count | Should -Be $PageSize
            $pageNo++
        }
        $rows.Count | Should -Be $page.totalRecords
        $rows.ToArray()
    }
    function Stop-Reverse($Sandbox, $Id) {
        $with = Use-Sandbox $Sandbox
        Invoke-PandaponRequest "/open/order/refund/cancel/$Id" -MaxRetries 0 @with -ErrorAction Stop
    }
    function Send-Message($Sandbox, $Body) {
        $with = Use-Sandbox $Sandbox
        Invoke-PandaponRequest $MessagePath -Body $Body -MaxRetries 0 @with -ErrorAction Stop
    }
    function Get-ApiError([scriptblock]$Call) {
        <# The error record of a call that must fail. #>
        $caught = $null
        try { $null = & $Call } catch { $caught = $_ }
        if (-not $caught) { throw 'The call succeeded; an error was expected.' }
        $caught
    }
    # Invoke-RestMethod writes a JSON array as one object: enumerate it.
    function Get-Json($Sandbox, [string]$Path) { @((Invoke-RestMethod "$($Sandbox.endpoint)$Path") | ForEach-Object { $_ }) }
    function Get-Ids($Sandbox, $Status) {
        $path = if ($null -eq $Status) { '/sandbox/taobao/refunds' } else { "/sandbox/taobao/refunds?status=$Status" }
        @(Get-Json $Sandbox $path | ForEach-Object { "$_" })
    }
    function Get-Messages($Sandbox, $Id) { Get-Json $Sandbox "/sandbox/taobao/refunds/$Id/messages" }
    function Get-RowTime($Row) { if ($Row.PSObject.Properties['refundOrder']) { $Row.refundOrder.gmtCreate } else { $Row.gmtCreate } }
    function ConvertTo-Text($Value) { $Value | ConvertTo-Json -Depth 10 -Compress }

    $script:MainRows = @(Get-AllRows $Main)
}

AfterAll {
    if ($script:Sandboxes) { $Sandboxes.Values | Stop-PandaponSandbox }
}

Describe 'Taobao reverse-order detail (GET /v2/taobao/order/refund/query)' {
    It 'answers the documented aggregate: numeric ids, integer codes, fen, epoch milliseconds' {
        $id = @(Get-Ids $Main)[0]
        $d = Get-Detail $Main $id
        @($d.PSObject.Properties.Name) | Should -Be @('distributorId', 'currency', 'refundOrderAggregate')
        $d.distributorId | Should -Match '^\d{13}$'
        $d.currency | Should -Be 'CNY'
        @($d.refundOrderAggregate.PSObject.Properties.Name) | Should -Be @('logistics', 'refundOrder', 'purchaseOrderLine')
        $o = $d.refundOrderAggregate.refundOrder
        $o.refundId | Should -BeOfType [long]
        "$($o.refundId)" | Should -Be $id
        $o.refundStatus | Should -BeIn $Known
        $o.refundType | Should -BeIn 1, 2
        $o.goodsStatus | Should -BeIn (1..6)
        $o.refundFee | Should -BeOfType [long]
        $o.reasonId | Should -BeOfType [long]
        $o.reasonDesc | Should -Not -BeNullOrEmpty
        "$($o.gmtCreate)" | Should -Match '^\d{13}$'
        $l = $d.refundOrderAggregate.purchaseOrderLine
        foreach ($name in 'purchaseOrderId', 'purchaseOrderLineId', 'salesOrderId', 'supplierId', 'price', 'totalPrice', 'postFee', 'productFee', 'createTime') {
            $l.$name | Should -BeOfType [long] -Because $name
        }
        $l.productFee | Should -Be ($l.price * $l.quantity)
        $l.totalPrice | Should -Be ($l.productFee + $l.postFee)
        $l.itemTitle | Should -Not -BeNullOrEmpty
        $l.createTime | Should -BeLessThan $o.gmtCreate
    }

    It 'keeps every generated record consistent: statuses, goods, money, timeouts and return logistics' {
        $spellings = @{}
        foreach ($row in $MainRows | Where-Object { [long]$_.refundId -ge 110000000000 }) {
            $o = $row.refundOrder; $l = $row.purchaseOrderLine; $g = $row.logistics
            $o.refundStatus | Should -BeIn $Known
            $o.refundFee | Should -BeGreaterThan 0
            $o.refundFee | Should -BeLessOrEqual $l.totalPrice
            $o.gmtModified | Should -BeGreaterOrEqual $o.gmtCreate
            if ($o.refundStatus -in 10, 20, 30, -10) {
                $o.timeoutDate | Should -BeGreaterThan $o.gmtModified
                $o.timeoutType | Should -Not -BeNullOrEmpty
            }
            else { $o.timeoutDate | Should -BeNullOrEmpty }
            if ($o.refundStatus -eq -10) { $o.sellerRefuseReason | Should -Not -BeNullOrEmpty }
            if ($o.refundType -eq 1) {
                $o.refundStatus | Should -Not -BeIn 20, 30
                $o.goodsStatus | Should -BeIn 1, 2, 3, 4
                $g | Should -BeNullOrEmpty
                continue
            }
            $expectedGoods = @{ 30 = 5; 100 = 6 }[[int]$o.refundStatus]
            $o.goodsStatus | Should -Be ($(if ($expectedGoods) { $expectedGoods } else { 4 }))
            if ($o.refundStatus -in 20, 30, 100) {
                $g.receiverAddress.receiver | Should -Not -BeNullOrEmpty
                $g.receiverAddress.detailAddress | Should -Not -BeNullOrEmpty
            }
            if ($o.refundStatus -in 30, 100) {
                $g.logisticsNo | Should -Not -BeNullOrEmpty
                $g.logisticsCompany.logisticsCompanyName | Should -Not -BeNullOrEmpty
                $names = @($g.logisticsCompany.PSObject.Properties.Name)
                $code = @($names | Where-Object { $_ -in 'logisticsCompanyCode', 'logisticCompanyCode' })
                $code.Count | Should -Be 1
                $spellings[$code[0]] = $true
                $g.logisticsCompany.($code[0]) | Should -Match '^[A-Z]+$'
            }
            elseif ($g) { $g.logisticsNo | Should -BeNullOrEmpty }
        }
        # Both spellings of the documents occur across the records.
        @($spellings.Keys | Sort-Object) | Should -Be @('logisticCompanyCode', 'logisticsCompanyCode')
    }

    It 'has awkward records with fixed ids: ids as strings, amounts as strings, status 50, a sparse one' {
        $d = Get-Detail $Main $Awkward.IdsAsStrings
        $d.refundOrderAggregate.refundOrder.refundId | Should -BeOfType [string]
        $d.refundOrderAggregate.refundOrder.refundId | Should -Be '100000000001'
        $d.refundOrderAggregate.purchaseOrderLine.purchaseOrderId | Should -Be '3700000000000001'
        $d.refundOrderAggregate.purchaseOrderLine.salesOrderId | Should -BeOfType [string]
        $d.refundOrderAggregate.refundOrder.refundFee | Should -BeOfType [long]

        $d = Get-Detail $Main $Awkward.AmountsAsStrings
        $d.refundOrderAggregate.refundOrder.refundId | Should -BeOfType [long]
        foreach ($name in 'price', 'totalPrice', 'postFee', 'productFee') {
            $d.refundOrderAggregate.purchaseOrderLine.$name | Should -BeOfType [string] -Because $name
            $d.refundOrderAggregate.purchaseOrderLine.$name | Should -Match '^\d+$'
        }
        $d.refundOrderAggregate.refundOrder.refundFee | Should -Match '^\d+$'

        (Get-Detail $Main $Awkward.UnknownStatus).refundOrderAggregate.refundOrder.refundStatus | Should -Be 50

        $d = Get-Detail $Main $Awkward.Sparse
        $d.currency | Should -BeNullOrEmpty
        $d.refundOrderAggregate.purchaseOrderLine | Should -BeNullOrEmpty
        $d.refundOrderAggregate.logistics | Should -BeNullOrEmpty
        @($d.refundOrderAggregate.refundOrder.PSObject.Properties.Name | Sort-Object) | Should -Be @('gmtCreate', 'refundId', 'refundStatus')
    }

    It 'answers an unknown id with 40403 and a non-numeric or missing one with 40001 naming refundId' {
        $e = Get-ApiError { Get-Detail $Main 110000000000 }
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.NotFound,*'
        $e.Exception.Code | Should -Be 40403
        $e.Exception.ServerMessage | Should -Be 'reverse order not found: 110000000000'
        $e = Get-ApiError { Get-Detail $Main 'TQ10000000000000001' }
        $e.Exception.Code | Should -Be 40001
        $e.Exception.ServerMessage | Should -BeLike "invalid request: refundId must be digits only*'TQ10000000000000001'*"
        $with = Use-Sandbox $Main
        $e = Get-ApiError { Invoke-PandaponRequest $DetailPath @with -ErrorAction Stop }
        $e.Exception.ServerMessage | Should -Be 'invalid request: refundId is required'
    }

    It 'serves 100,000 reverse orders: the last one by id, the totals, the last page' {
        $big = $Sandboxes.big
        $page = Get-Page $big @{ pageNo = 1; pageSize = 1 }
        $page.totalRecords | Should -Be 100004
        $newest = $page.data[0].refundId
        (Get-Detail $big $newest).refundOrderAggregate.refundOrder.refundId | Should -Be $newest
        $last = Get-Page $big @{ pageNo = 1001; pageSize = 100 }
        @($last.data).Count | Should -Be 4
        @($last.data | ForEach-Object { "$($_.refundId)" }) | Should -Be @('100000000001', '100000000002', '100000000003', '100000000004')
        (Get-Page $big @{ pageNo = 1; pageSize = 1; refundStatus = 10 }).totalRecords | Should -Be @(Get-Ids $big 10).Count
    }
}

Describe 'Taobao reverse-order list (POST /open/order/refund/queryList)' {
    It 'pages through every record exactly once, newest first, with the paging envelope' {
        $ids = @($MainRows | ForEach-Object { "$($_.refundId)" })
        $ids.Count | Should -Be 304
        @($ids | Sort-Object -Unique).Count | Should -Be 304
        @($ids | Sort-Object) | Should -Be @(Get-Ids $Main | Sort-Object)
        $times = @($MainRows | ForEach-Object { [long](Get-RowTime $_) })
        for ($i = 1; $i -lt $times.Count; $i++) { $times[$i] | Should -BeLessThan $times[$i - 1] }

        # Another page size gives the same sequence: the order does not depend on the paging.
        @(Get-AllRows $Main -PageSize 37 | ForEach-Object { "$($_.refundId)" }) | Should -Be $ids
    }

    It 'answers a page past the end with no rows and the totals' {
        $page = Get-Page $Main @{ pageNo = 99; pageSize = 10 }
        @($page.data).Count | Should -Be 0
        $page.totalRecords | Should -Be 304
        $page.totalPage | Should -Be 31
        $page.currentPage | Should -Be 99
    }

    It 'nested rows are the aggregate with a top-level refundId' {
        $row = $MainRows[0]
        @($row.PSObject.Properties.Name) | Should -Be @('refundId', 'logistics', 'refundOrder', 'purchaseOrderLine')
        $row.refundOrder.refundId | Should -Be $row.refundId
    }

    It 'flat rows (--taobao-list-shape flat) hold the same fields at the top level, in the same order of rows' {
        $flat = @(Get-AllRows $Sandboxes.flat)
        @($flat | ForEach-Object { "$($_.refundId)" }) | Should -Be @($MainRows | ForEach-Object { "$($_.refundId)" })
        $returned = $MainRows | Where-Object { $_.refundOrder.refundStatus -eq 30 -and $_.refundOrder.refundType -eq 2 } | Select-Object -First 1
        $row = $flat | Where-Object { "$($_.refundId)" -eq "$($returned.refundId)" }
        $row.PSObject.Properties['refundOrder'] | Should -BeNullOrEmpty
        $row.PSObject.Properties['purchaseOrderLine'] | Should -BeNullOrEmpty
        foreach ($name in $returned.refundOrder.PSObject.Properties.Name) { ConvertTo-Text $row.$name | Should -Be (ConvertTo-Text $returned.refundOrder.$name) -Because $name }
        foreach ($name in $returned.purchaseOrderLine.PSObject.Properties.Name) { ConvertTo-Text $row.$name | Should -Be (ConvertTo-Text $returned.purchaseOrderLine.$name) -Because $name }
        foreach ($name in $returned.logistics.PSObject.Properties.Name) { ConvertTo-Text $row.$name | Should -Be (ConvertTo-Text $returned.logistics.$name) -Because $name }
    }

    It 'filters by refundStatus <Status>' -ForEach @(0, 10, 20, 30, 100, -10, -20, 50 | ForEach-Object { @{ Status = $_ } }) {
        $rows = @(Get-AllRows $Main @{ refundStatus = $Status } -PageSize 50)
        $expected = @($MainRows | Where-Object { $_.refundOrder.refundStatus -eq $Status } | ForEach-Object { "$($_.refundId)" })
        if ($Status -ne 50) { $expected.Count | Should -BeGreaterThan 0 }
        @($rows | ForEach-Object { "$($_.refundId)" }) | Should -Be $expected
        @($expected | Sort-Object) | Should -Be @(Get-Ids $Main $Status | Sort-Object)
    }

    It 'filters by refundId, as a number or a string' {
        $id = $MainRows[17].refundId
        @((Get-Page $Main @{ refundId = $id; pageNo = 1; pageSize = 10 }).data | ForEach-Object refundId) | Should -Be @($id)
        (Get-Page $Main @{ refundId = "$id"; pageNo = 1; pageSize = 10 }).totalRecords | Should -Be 1
        (Get-Page $Main @{ refundId = '110000000000'; pageNo = 1; pageSize = 10 }).totalRecords | Should -Be 0
        (Get-Page $Main @{ refundId = "$id"; refundStatus = ($MainRows[17].refundOrder.refundStatus + 1); pageNo = 1; pageSize = 10 }).totalRecords | Should -Be 0
        (Get-Page $Main @{ refundId = "$($Awkward.IdsAsStrings)"; pageNo = 1; pageSize = 10 }).data[0].refundId | Should -Be '100000000001'
    }

    It 'filters by purchaseOrderId and by salesOrderId (an order can hold several reverse orders)' {
        $groups = $MainRows | Where-Object { $_.purchaseOrderLine } | Group-Object { "$($_.purchaseOrderLine.purchaseOrderId)" } | Sort-Object Count -Descending
        $groups[0].Count | Should -BeGreaterThan 1
        foreach ($group in $groups[0], $groups[-1]) {
            $rows = Get-AllRows $Main @{ purchaseOrderId = $group.Name }
            @($rows | ForEach-Object { "$($_.refundId)" }) | Should -Be @($group.Group | ForEach-Object { "$($_.refundId)" })
        }
        $sales = $MainRows | Where-Object { $_.purchaseOrderLine } | Group-Object { "$($_.purchaseOrderLine.salesOrderId)" } | Sort-Object Count -Descending
        $sales[0].Count | Should -Be 3
        $rows = Get-AllRows $Main @{ salesOrderId = [long]$sales[0].Name }
        @($rows | ForEach-Object { "$($_.refundId)" }) | Should -Be @($sales[0].Group | ForEach-Object { "$($_.refundId)" })
        (Get-Page $Main @{ salesOrderId = '5100000000000'; purchaseOrderId = $groups[0].Name; pageNo = 1; pageSize = 10 }).totalRecords | Should -Be 0
    }

    It 'filters by creation time, both bounds inclusive, alone or with a status' {
        $newer = [long]$MainRows[10].refundOrder.gmtCreate
        $older = [long]$MainRows[250].refundOrder.gmtCreate
        @((Get-AllRows $Main @{ refundStartTime = $older; refundEndTime = $newer }) | ForEach-Object { "$($_.refundId)" }) |
            Should -Be @($MainRows[10..250] | ForEach-Object { "$($_.refundId)" })
        (Get-Page $Main @{ refundStartTime = $newer; refundEndTime = $newer; pageNo = 1; pageSize = 5 }).data[0].refundId | Should -Be $MainRows[10].refundId
        (Get-Page $Main @{ refundStartTime = $newer + 1; pageNo = 1; pageSize = 5 }).totalRecords | Should -Be 10
        (Get-Page $Main @{ refundEndTime = $older - 1; pageNo = 1; pageSize = 5 }).totalRecords | Should -Be (304 - 251)
        $status = $MainRows[20].refundOrder.refundStatus
        $expected = @($MainRows[10..250] | Where-Object { $_.refundOrder.refundStatus -eq $status } | ForEach-Object { "$($_.refundId)" })
        @((Get-AllRows $Main @{ refundStartTime = $older; refundEndTime = $newer; refundStatus = $status } -PageSize 7) | ForEach-Object { "$($_.refundId)" }) | Should -Be $expected
    }

    It 'refuses a bad field with 40001 naming it: <Case>' -ForEach @(
        @{ Case = 'pageNo missing'; Body = @{ pageSize = 10 }; Message = 'pageNo is required' }
        @{ Case = 'pageSize missing'; Body = @{ pageNo = 1 }; Message = 'pageSize is required' }
        @{ Case = 'pageNo 0'; Body = @{ pageNo = 0; pageSize = 10 }; Message = 'pageNo must be from 1 to *' }
        @{ Case = 'pageSize 0'; Body = @{ pageNo = 1; pageSize = 0 }; Message = 'pageSize must be from 1 to 100, not 0' }
        @{ Case = 'pageSize 101'; Body = @{ pageNo = 1; pageSize = 101 }; Message = 'pageSize must be from 1 to 100, not 101' }
        @{ Case = 'pageSize text'; Body = @{ pageNo = 1; pageSize = 'ten' }; Message = 'pageSize must be a whole number*' }
        @{ Case = 'refundStatus text'; Body = @{ pageNo = 1; pageSize = 10; refundStatus = 'Applied' }; Message = 'refundStatus must be a whole number*' }
        @{ Case = 'refundStartTime negative'; Body = @{ pageNo = 1; pageSize = 10; refundStartTime = -1 }; Message = 'refundStartTime must be from 0 to *' }
        @{ Case = 'refundEndTime a date'; Body = @{ pageNo = 1; pageSize = 10; refundEndTime = '2025-01-01' }; Message = 'refundEndTime must be a whole number*' }
        @{ Case = 'start after end'; Body = @{ pageNo = 1; pageSize = 10; refundStartTime = 2000; refundEndTime = 1000 }; Message = 'refundStartTime 2000 is after refundEndTime 1000' }
        @{ Case = 'refundId a 1688 id'; Body = @{ pageNo = 1; pageSize = 10; refundId = 'TQ10000000000000001' }; Message = "refundId must be digits only*" }
        @{ Case = 'purchaseOrderId fraction'; Body = @{ pageNo = 1; pageSize = 10; purchaseOrderId = 1.5 }; Message = 'purchaseOrderId must be digits only*' }
        @{ Case = 'salesOrderId letters'; Body = @{ pageNo = 1; pageSize = 10; salesOrderId = 'SO1' }; Message = 'salesOrderId must be digits only*' }
        @{ Case = 'not JSON'; Body = '{"pageNo":'; Message = 'body is not JSON' }
    ) {
        $with = Use-Sandbox $Main
        # Invoke-PandaponRequest checks JSON text itself; the broken body goes out through a raw request.
        if ($Body -is [string]) {
            $sig = Get-PandaponSignature -AccessKey $Main.accessKey -SecretKey $Main.secretKey
            $headers = @{ 'access-key' = $Main.accessKey; 'timestamp' = $sig.Timestamp; 'nonce-str' = $sig.Nonce; 'user-id' = $Main.userId; 'signature' = $sig.Signature }
            $r = Invoke-WebRequest -Method Post -Uri "$($Main.endpoint)$ListPath" -Headers $headers -ContentType 'application/json' -Body $Body -SkipHttpErrorCheck
            $r.StatusCode | Should -Be 400
            ($r.Content | ConvertFrom-Json).msg | Should -BeLike "invalid request: $Message"
            return
        }
        $e = Get-ApiError { Invoke-PandaponRequest $ListPath -Body $Body @with -ErrorAction Stop }
        $e.Exception.Code | Should -Be 40001
        $e.Exception.HttpStatus | Should -Be 400
        $e.Exception.ServerMessage | Should -BeLike "invalid request: $Message"
    }

    It 'treats blank filters as not given and numbers sent as strings as numbers' {
        (Get-Page $Main @{ refundId = ''; purchaseOrderId = ' '; salesOrderId = $null; pageNo = '2'; pageSize = '10' }).totalRecords | Should -Be 304
        (Get-Page $Main @{ refundStatus = '50'; pageNo = 1; pageSize = 10 }).data[0].refundId | Should -Be $Awkward.UnknownStatus
    }
}

Describe 'Taobao reverse-order cancel (GET /open/order/refund/cancel/{refundId})' {
    BeforeAll {
        $script:Writes = $Sandboxes.writes
    }

    It 'withdraws an Applied (10) reverse order: cancelSuccess, Closed (-20) from then on' {
        $id = @(Get-Ids $Writes 10)[0]
        # Pages read in turn resume the previous scan; a withdrawal must still show on the next page.
        $applied = (Get-Page $Writes @{ refundStatus = 10; pageNo = 1; pageSize = 5 }).totalRecords
        $closed = (Get-Page $Writes @{ refundStatus = -20; pageNo = 1; pageSize = 5 }).totalRecords
        $r = Stop-Reverse $Writes $id
        (Get-Page $Writes @{ refundStatus = 10; pageNo = 2; pageSize = 5 }).totalRecords | Should -Be ($applied - 1)
        (Get-Page $Writes @{ refundStatus = -20; pageNo = 2; pageSize = 5 }).totalRecords | Should -Be ($closed + 1)
        @(Get-AllRows $Writes @{ refundStatus = -20 } -PageSize 5 | ForEach-Object { "$($_.refundId)" }) | Should -Contain $id
        @($r.PSObject.Properties.Name) | Should -Be @('cancelSuccess', 'currency', 'distributorId', 'refundOrderAggregate')
        $r.cancelSuccess | Should -BeTrue
        $r.currency | Should -Be 'CNY'
        $r.refundOrderAggregate.refundOrder.refundStatus | Should -Be -20
        $r.refundOrderAggregate.refundOrder.timeoutDate | Should -BeNullOrEmpty
        $after = (Get-Detail $Writes $id).refundOrderAggregate.refundOrder
        $after.refundStatus | Should -Be -20
        $after.gmtModified | Should -BeGreaterOrEqual ([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() - 600000)
        Get-Ids $Writes 10 | Should -Not -Contain $id
        Get-Ids $Writes -20 | Should -Contain $id
        @((Get-Page $Writes @{ refundId = $id; refundStatus = -20; pageNo = 1; pageSize = 1 }).data).Count | Should -Be 1

        # Withdrawn is final: a second cancel is refused with a reason.
        $again = Stop-Reverse $Writes $id
        $again.cancelSuccess | Should -BeFalse
        $again.cancelFailReason | Should -BeLike "*$id has status -20*only while it is 10 (Applied) or 20 (SellerAgreed)"
        $again.refundOrderAggregate.refundOrder.refundStatus | Should -Be -20
    }

    It 'withdraws a SellerAgreed (20) return, keeping the seller''s return address' {
        $id = @(Get-Ids $Writes 20)[0]
        $r = Stop-Reverse $Writes $id
        $r.cancelSuccess | Should -BeTrue
        $r.refundOrderAggregate.refundOrder.refundStatus | Should -Be -20
        $r.refundOrderAggregate.logistics.receiverAddress.receiver | Should -Not -BeNullOrEmpty
    }

    It 'refuses to withdraw one in status <Status>, and changes nothing' -ForEach @(0, 30, 100, -10, -20, 50 | ForEach-Object { @{ Status = $_ } }) {
        $id = @(Get-Ids $Writes $Status)[0]
        $before = ConvertTo-Text (Get-Detail $Writes $id)
        $r = Stop-Reverse $Writes $id
        $r.cancelSuccess | Should -BeFalse
        $r.cancelFailReason | Should -BeLike "reverse order $id has status $Status;*"
        ConvertTo-Text (Get-Detail $Writes $id) | Should -Be $before
        Get-Ids $Writes $Status | Should -Contain $id
    }

    It 'answers an unknown id with 40403, a non-numeric one with 40001, and a POST with 405' {
        $e = Get-ApiError { Stop-Reverse $Writes 110000000000 }
        $e.Exception.Code | Should -Be 40403
        $e = Get-ApiError { Stop-Reverse $Writes 'TQ10000000000000001' }
        $e.Exception.Code | Should -Be 40001
        $e.Exception.ServerMessage | Should -BeLike 'invalid request: refundId must be digits only*'
        $with = Use-Sandbox $Writes
        $id = @(Get-Ids $Writes 10)[0]
        $e = Get-ApiError { Invoke-PandaponRequest "/open/order/refund/cancel/$id" -Method Post @with -ErrorAction Stop }
        $e.Exception.Code | Should -Be 40500
        (Get-Detail $Writes $id).refundOrderAggregate.refundOrder.refundStatus | Should -Be 10
    }

    It 'lets exactly one of two concurrent withdrawals succeed' {
        $id = @(Get-Ids $Writes 10)[1]
        $with = Use-Sandbox $Writes
        $module = Get-TestModulePath
        $results = 1..2 | ForEach-Object -Parallel {
            Import-Module $using:module
            $w = $using:with
            Invoke-PandaponRequest "/open/order/refund/cancel/$($using:id)" -MaxRetries 0 @w
        } -ThrottleLimit 2
        @($results | Where-Object cancelSuccess).Count | Should -Be 1
        @($results | Where-Object { -not $_.cancelSuccess }).Count | Should -Be 1
    }
}

Describe 'Taobao reverse-order messages (POST /open/order/refund/submit/message)' {
    BeforeAll {
        $script:Writes = $Sandboxes.writes
        $script:Image = 'https://img.alicdn.com/imgextra/i1/2200000000/O1CN01test_!!2200000000.jpg'
    }

    It 'keeps messages in the order they came, with images as an array or a comma-separated string' {
        $id = @(Get-Ids $Writes 100)[0]
        Send-Message $Writes @{ refundId = $id; refundMessage = '请尽快处理，谢谢' } | Should -BeTrue
        Send-Message $Writes @{ refundId = [long]$id; refundMessage = 'second'; refundImages = @($Image, "$($Image)?2") } | Should -BeTrue
        Send-Message $Writes @{ refundId = $id; refundMessage = 'third'; refundImages = "$Image, $($Image)?3" } | Should -BeTrue
        $messages = Get-Messages $Writes $id
        $messages.Count | Should -Be 3
        @($messages.refundMessage) | Should -Be @('请尽快处理，谢谢', 'second', 'third')
        "$($messages[0].refundId)" | Should -Be $id
        @($messages[0].refundImages).Count | Should -Be 0
        @($messages[1].refundImages) | Should -Be @($Image, "$($Image)?2")
        @($messages[2].refundImages) | Should -Be @($Image, "$($Image)?3")
        $messages[2].createTime | Should -BeGreaterOrEqual $messages[0].createTime
        Get-Messages $Writes @(Get-Ids $Writes 100)[1] | Should -BeNullOrEmpty
    }

    It 'takes 500 characters and 9 images, and messages on an awkward record' {
        $id = @(Get-Ids $Writes -10)[0]
        Send-Message $Writes @{ refundId = $id; refundMessage = ('字' * 500); refundImages = @(1..9 | ForEach-Object { "$($Image)?$_" }) } | Should -BeTrue
        (Get-Messages $Writes $id)[0].refundMessage.Length | Should -Be 500
        @((Get-Messages $Writes $id)[0].refundImages).Count | Should -Be 9
        Send-Message $Writes @{ refundId = "$($Awkward.Sparse)"; refundMessage = 'ok' } | Should -BeTrue
        (Get-Messages $Writes $Awkward.Sparse).refundMessage | Should -Be 'ok'
    }

    It 'refuses <Case> with 40001 and keeps nothing' -ForEach @(
        @{ Case = 'an empty message'; Body = @{ refundMessage = '' }; Message = 'refundMessage is empty' }
        @{ Case = 'a message of spaces'; Body = @{ refundMessage = "  `t " }; Message = 'refundMessage is empty' }
        @{ Case = 'no message'; Body = @{}; Message = 'refundMessage is required' }
        @{ Case = '501 characters'; Body = @{ refundMessage = ('x' * 501) }; Message = 'refundMessage has 501 characters; at most 500' }
        @{ Case = '10 images'; Body = @{ refundMessage = 'x'; refundImages = @(1..10 | ForEach-Object { "https://a.example/$_.jpg" }) }; Message = 'refundImages has 10 URLs; at most 9' }
        @{ Case = 'an image that is not a URL'; Body = @{ refundMessage = 'x'; refundImages = @('https://a.example/1.jpg', 'C:\photo.jpg') }; Message = "refundImages``[1``] is not an http or https URL: 'C:\photo.jpg'" }
        @{ Case = 'an ftp image'; Body = @{ refundMessage = 'x'; refundImages = 'ftp://a.example/1.jpg' }; Message = 'refundImages`[0`] is not an http or https URL*' }
        @{ Case = 'images as a number'; Body = @{ refundMessage = 'x'; refundImages = 5 }; Message = 'refundImages must be an array of strings' }
    ) {
        $id = @(Get-Ids $Writes 100)[2]
        $e = Get-ApiError { Send-Message $Writes (@{ refundId = $id } + $Body) }
        $e.Exception.Code | Should -Be 40001
        $e.Exception.ServerMessage | Should -BeLike "invalid request: $Message"
        Get-Messages $Writes $id | Should -BeNullOrEmpty
    }

    It 'refuses a missing or non-numeric refundId with 40001 and an unknown one with 40403' {
        (Get-ApiError { Send-Message $Writes @{ refundMessage = 'x' } }).Exception.ServerMessage | Should -Be 'invalid request: refundId is required'
        (Get-ApiError { Send-Message $Writes @{ refundId = 'TQ1'; refundMessage = 'x' } }).Exception.Code | Should -Be 40001
        $e = Get-ApiError { Send-Message $Writes @{ refundId = 110000000000; refundMessage = 'x' } }
        $e.Exception.Code | Should -Be 40403
        $e.Exception.ServerMessage | Should -Be 'reverse order not found: 110000000000'
        $r = Invoke-WebRequest "$($Writes.endpoint)/sandbox/taobao/refunds/110000000000/messages" -SkipHttpErrorCheck
        $r.StatusCode | Should -Be 404
        ($r.Content | ConvertFrom-Json).error | Should -Be 'reverse order not found: 110000000000'
    }
}

Describe 'The /sandbox/taobao paths' {
    It 'lists every id as a number, generated ones first, then the four awkward ones; ?status filters' {
        $raw = Invoke-WebRequest "$($Main.endpoint)/sandbox/taobao/refunds"
        $raw.Content | Should -Match '^\[\d{12},'
        $ids = Get-Ids $Main
        $ids.Count | Should -Be 304
        $ids[-4..-1] | Should -Be @('100000000001', '100000000002', '100000000003', '100000000004')
        $ids[0..299] | ForEach-Object { $_ | Should -Match '^110\d{9}$' }
        $all = @($Known + 50 | ForEach-Object { Get-Ids $Main $_ })
        @($all | Sort-Object) | Should -Be @($ids | Sort-Object)
        Get-Ids $Main 50 | Should -Be @('100000000003')
    }

    It 'answers a status that is not an integer with HTTP 400 and an error' {
        $r = Invoke-WebRequest "$($Main.endpoint)/sandbox/taobao/refunds?status=Applied" -SkipHttpErrorCheck
        $r.StatusCode | Should -Be 400
        ($r.Content | ConvertFrom-Json).error | Should -BeLike "status 'Applied' is not an integer status code*"
    }
}

Describe 'Taobao reverse orders are the same for the same seed' {
    It 'gives the same first records for the same seed whatever the count, and other ones for another seed' {
        $a = Get-Ids $Sandboxes.seed42
        $b = Get-Ids $Sandboxes.seed42b
        $c = Get-Ids $Sandboxes.seed43
        $a.Count | Should -Be 34
        $b.Count | Should -Be 14
        $b[0..9] | Should -Be $a[0..9]
        @($c[0..9] | Where-Object { $_ -in $a }).Count | Should -Be 0
        foreach ($id in $b[0, 4, 9]) {
            ConvertTo-Text (Get-Detail $Sandboxes.seed42b $id) | Should -Be (ConvertTo-Text (Get-Detail $Sandboxes.seed42 $id))
        }
        ConvertTo-Text (Get-Detail $Sandboxes.seed43 $c[0]).refundOrderAggregate.purchaseOrderLine |
            Should -Not -Be (ConvertTo-Text (Get-Detail $Sandboxes.seed42 $a[0]).refundOrderAggregate.purchaseOrderLine)
    }

    It 'pins seed 1 with golden values, so the data stays the same across machines, .NET versions and releases' {
        # If a deliberate change to the data breaks this, update the values and say so in docs/api-taobao-refunds.md.
        function Get-Sha([string]$Text) { [Convert]::ToHexStringLower([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($Text))) }
        Get-Sha (Invoke-WebRequest "$($Main.endpoint)/sandbox/taobao/refunds").Content | Should -Be '4e298462925c85998e376722c3749babdcdcd6763f55c0d79b45218c31a95d15'
        $sig = Get-PandaponSignature -AccessKey $Main.accessKey -SecretKey $Main.secretKey
        $headers = @{ 'access-key' = $Main.accessKey; 'timestamp' = $sig.Timestamp; 'nonce-str' = $sig.Nonce; 'user-id' = $Main.userId; 'signature' = $sig.Signature }
        $content = (Invoke-WebRequest -Method Post -Uri "$($Main.endpoint)$ListPath" -Headers $headers -ContentType 'application/json' -Body '{"pageNo":1,"pageSize":100}').Content
        Get-Sha $content.Substring($content.IndexOf('"data":')) | Should -Be 'c331a2f5b363f1117d649b6337f0ce5bf29634dec02f33419480156401f38e4d'
    }

    It 'keeps the awkward records the same whatever the seed (distributorId aside)' {
        foreach ($id in $Awkward.Values) {
            ConvertTo-Text (Get-Detail $Sandboxes.seed43 $id).refundOrderAggregate | Should -Be (ConvertTo-Text (Get-Detail $Sandboxes.seed42 $id).refundOrderAggregate)
        }
    }
}

Describe 'The Taobao paths meet the same gateway as the 1688 ones' {
    It 'refuses an unsigned request with 40101 and counts it under its path' {
        $before = (Get-SandboxStats $Main).requests.$ListPath
        $r = Invoke-WebRequest -Method Post -Uri "$($Main.endpoint)$ListPath" -ContentType 'application/json' -Body '{"pageNo":1,"pageSize":1}' -SkipHttpErrorCheck
        $r.StatusCode | Should -Be 401
        ($r.Content | ConvertFrom-Json).code | Should -Be 40101
        (Get-SandboxStats $Main).requests.$ListPath | Should -Be ($before + 1)
    }

    It 'counts each Taobao path, its refusals under invalidRequest and taobaoRefundNotFound, and its successes' {
        $s = $Sandboxes.seed43
        $null = Invoke-RestMethod -Method Post "$($s.endpoint)/sandbox/stats/reset"
        $id = @(Get-Ids $s 100)[0]
        $null = Get-Detail $s $id
        $null = Get-ApiError { Get-Detail $s 110000000000 }
        $null = Get-Page $s @{ pageNo = 1; pageSize = 5 }
        $null = Get-ApiError { Get-Page $s @{ pageNo = 0; pageSize = 5 } }
        $null = Stop-Reverse $s $id
        $null = Send-Message $s @{ refundId = $id; refundMessage = 'x' }
        $stats = Get-SandboxStats $s
        $stats.requests.$DetailPath | Should -Be 2
        $stats.requests.$ListPath | Should -Be 2
        $stats.requests.'/open/order/refund/cancel/{refundId}' | Should -Be 1
        $stats.requests.$MessagePath | Should -Be 1
        $stats.refusals.taobaoRefundNotFound | Should -Be 1
        $stats.refusals.invalidRequest | Should -Be 1
        $stats.succeeded | Should -Be 4
        $stats.total | Should -Be 6
    }

    It 'injects faults on the Taobao paths too' {
        $s = $Sandboxes.server
        $with = Use-Sandbox $s
        $e = Get-ApiError { Invoke-PandaponRequest $ListPath -Body @{ pageNo = 1; pageSize = 5 } -MaxRetries 0 @with -ErrorAction Stop }
        $e.Exception.HttpStatus | Should -Be 500
        $e.Exception.Code | Should -Be 50001
        $stats = Get-SandboxStats $s
        $stats.faults.server | Should -Be 1
        $stats.requests.$ListPath | Should -Be 1
    }

    It 'refuses bad Taobao options at start with exit code 2: <Arguments>' -ForEach @(
        @{ Arguments = @('--taobao-list-shape', 'tree'); Message = "*--taobao-list-shape 'tree' is not nested or flat*" }
        @{ Arguments = @('--taobao-refunds', '100001'); Message = "*--taobao-refunds '100001' is not a whole number from 0 to 100000*" }
    ) {
        $psi = [Diagnostics.ProcessStartInfo]::new('dotnet')
        $psi.ArgumentList.Add((Get-SandboxAssembly -Configuration $Config))
        foreach ($a in $Arguments) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $p = [Diagnostics.Process]::Start($psi)
        $err = $p.StandardError.ReadToEndAsync()
        $out = $p.StandardOutput.ReadToEnd()
        if (-not $p.WaitForExit(60000)) { $p.Kill($true); throw "The sandbox did not exit with: $Arguments" }
        $p.ExitCode | Should -Be 2
        $out | Should -BeNullOrEmpty
        $err.Result | Should -BeLike $Message
    }
}
