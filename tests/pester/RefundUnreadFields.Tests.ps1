<# Issue 18: one unreadable field never loses the record. Against a stub answering with the PandaPon refund-info
   example response (placeholders and all) and with a full record whose typed fields are made unreadable one at a
   time: every case writes the Refund to the pipeline with one warning naming that field. #>

BeforeDiscovery {
    # Each typed wire field (amounts, times, flags, codes, ids, lists) with a value no reader can take. Free-text
    # fields are not here: any JSON value reads as text.
    $script:RefundCases = @(
        foreach ($f in 'applyPayment', 'applyCarriage', 'applyExpect', 'refundPayment', 'refundCarriage', 'canRefundPayment', 'frozenFund', 'prepaidBalance') { @{ Field = $f; Bad = '"12.5x"' } }
        foreach ($f in 'gmtApply', 'gmtCreate', 'gmtModified', 'gmtCompleted', 'gmtFreezed', 'gmtTimeOut', 'createTime', 'updateTime') { @{ Field = $f; Bad = '"2024年05月14日 10:30"' } }
        foreach ($f in 'onlyRefund', 'refundGoods', 'goodsReceived', 'buyerSendGoods', 'crmModifyRefund', 'insufficientAccount', 'insufficientBail',
            'newRefundReturn', 'sellerDelayDisburse', 'supportNewSteppay', 'timeOutFreeze') { @{ Field = $f; Bad = '"maybe"' } }
        foreach ($f in 'rejectTimes', 'disputeType', 'disputeRequest', 'goodsStatus') { @{ Field = $f; Bad = '"two"' } }
        foreach ($f in 'refundId', 'orderId', 'applyReasonId', 'applySubReasonId', 'rejectReasonId', 'buyerMemberId', 'buyerUserId', 'buyerLoginId',
            'buyerAlipayId', 'sellerMemberId', 'sellerUserId', 'sellerLoginId', 'sellerAlipayId', 'alipayPaymentId', 'id', 'createById', 'updateById') { @{ Field = $f; Bad = '{"a":1}' } }
        @{ Field = 'orderEntryIdList'; Bad = '{"a":1}' }
        @{ Field = 'orderEntryCountMap'; Bad = '"string"' }
        @{ Field = 'refundOperationList'; Bad = '"string"' }
    )
    $script:OperationCases = @(
        @{ Field = 'gmtCreate'; Bad = '"2024/05/14"' }
        foreach ($f in 'operateTypeInt', 'operatorRoleId', 'msgType', 'messageStatus') { @{ Field = $f; Bad = '"two"' } }
        foreach ($f in 'operatorLoginId', 'operatorUserId', 'vouchers') { @{ Field = $f; Bad = '{"a":1}' } }
        @{ Field = 'logisticsCompany'; Bad = '42' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Requested = 'TQ24051418030700001'
    $script:Credential = [pscredential]::new('ak', (ConvertTo-SecureString 'sk' -AsPlainText -Force))
    # The PandaPon refund-info example response, verbatim (its code is the placeholder 0).
    $script:Example = Get-Content -Raw -Encoding utf8 (Join-Path $PSScriptRoot '../fixtures/refund-info-example.json')
    $script:FullData = @'
{"refundId":"TQ24051418030700001","orderId":3305075341149134260,"status":"waitsellerreceive","productName":"纯棉短袖T恤",
 "applyPayment":12900,"applyCarriage":800,"applyExpect":12900,"refundPayment":0,"refundCarriage":0,"canRefundPayment":12900,
 "frozenFund":12900,"prepaidBalance":0,"gmtApply":"20240514180307123+0800","gmtCreate":"20240514180307000+0800",
 "gmtModified":"20240515091500000+0800","gmtCompleted":"20240515091500000+0800","gmtFreezed":"20240514180308000+0800",
 "gmtTimeOut":"20240521180307000+0800","createTime":"2024-05-14 18:03:07","updateTime":"2024-05-15 09:15:02",
 "applyReason":"不想要了","applyReasonId":20014,"applySubReason":"尺码不合适","applySubReasonId":200141,"rejectReason":"无",
 "rejectReasonId":3001,"rejectTimes":1,"disputeType":2,"disputeRequest":2,"goodsStatus":3,"onlyRefund":false,
 "refundGoods":true,"goodsReceived":true,"buyerSendGoods":true,"crmModifyRefund":false,"insufficientAccount":false,
 "insufficientBail":false,"newRefundReturn":true,"sellerDelayDisburse":false,"supportNewSteppay":false,"timeOutFreeze":false,
 "buyerMemberId":"b2b-2100007341207","buyerUserId":2100007341207,"buyerLoginId":"pandapon_buyer01","buyerAlipayId":"2088102177777777",
 "sellerMemberId":"b2b-2209876543210","sellerUserId":"2209876543210","sellerLoginId":"杭州优品服饰","sellerAlipayId":"2088201299999999",
 "alipayPaymentId":"2024051422001156781234567890","id":1790000000000000001,"createById":1001,"updateById":1002,
 "orderEntryIdList":"[3305075341150134260]","orderEntryCountMap":"{\"3305075341150134260\":2}",
 "refundOperationList":[
  {"afterOperateStatus":"waitsellerreceive","gmtCreate":"20240515091500000+0800","msgType":2},
  {"beforeOperateStatus":"waitselleragree","afterOperateStatus":"waitsellerreceive","operateTypeInt":3,"operatorRoleId":1,
   "operatorLoginId":"pandapon_buyer01","operatorUserId":2100007341207,"gmtCreate":"20240514181205000+0800","msgType":1,
   "messageStatus":0,"vouchers":["https://img.alicdn.com/v1.jpg","https://img.alicdn.com/v2.jpg"],
   "logisticsCompany":{"companyName":"圆通速递","companyNo":"YTO"}}]}
'@

    function New-Envelope([string]$Data) { '{"requestId":"0123456789abcdef0123456789abcdef","code":200,"msg":"成功","data":' + $Data + '}' }

    function Get-FromStub([string]$Body, [string[]]$Id = $Requested, [switch]$Raw) {
        <# Get-PandaponRefund against a stub answering $Body; returns the objects, warnings and errors. #>
        $stub = Start-StubApi -Body $Body
        try {
            $objects = @(Get-PandaponRefund -RefundId $Id -Raw:$Raw -Endpoint $stub.Endpoint -Credential $Credential -UserId 1 -MaxRetries 0 `
                -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue)
        } finally { $stub.Dispose() }
        [pscustomobject]@{ Objects = $objects; Warnings = @($warnings | ForEach-Object { "$_" }); Errors = @($errors) }
    }

    function Get-Cells($Record, [string[]]$Except) {
        <# Every property as text, but the ones named and UnreadFields. #>
        $cells = [ordered]@{}
        foreach ($p in $Record.PSObject.Properties) {
            if ($p.Name -in $Except -or $p.Name -eq 'UnreadFields') { continue }
            $cells[$p.Name] = if ($p.Value -is [DateTimeOffset]) { $p.Value.ToString('o') } else { "$($p.Value)" }
        }
        $cells | ConvertTo-Json -Compress
    }

    function Get-PropertiesOf([object]$Record, [string]$Field) {
        <# The properties a wire field fills: its PascalCase name, its Code twin, logisticsCompany's two. #>
        @($Record.PSObject.Properties.Name | Where-Object {
            $_ -eq $Field -or $_ -eq "${Field}Code" -or ($Field -eq 'logisticsCompany' -and $_ -like 'LogisticsCompany*') })
    }

    function Set-Field([string]$Data, [string[]]$Path, [string]$Json) {
        $node = [System.Text.Json.Nodes.JsonNode]::Parse($Data)
        $parent = $node
        # Plain assignments: an if-expression would enumerate the JsonObject into its pairs.
        for ($i = 0; $i -lt $Path.Count - 1; $i++) {
            if ($Path[$i] -match '^\d+$') { $parent = $parent.AsArray()[[int]$Path[$i]] } else { $parent = $parent.AsObject()[[string]$Path[$i]] }
        }
        $parent.AsObject()[[string]$Path[-1]] = [System.Text.Json.Nodes.JsonNode]::Parse($Json)
        $node.ToJsonString()
    }

    $script:Clean = (Get-FromStub (New-Envelope $FullData)).Objects[0]
}

Describe 'Get-PandaponRefund with data it cannot fully read' {
    It 'reads the full record cleanly (the baseline of the cases below)' {
        $Clean | Should -BeOfType ([Pandapon.Models.Refund])
        $Clean.UnreadFields.Count | Should -Be 0
        $Clean.RequestedRefundId | Should -Be $Requested
        $Clean.GmtApply | Should -Not -BeNullOrEmpty
        @($Clean.RefundOperationList)[1].LogisticsCompanyNo | Should -Be 'YTO'
    }

    It 'writes a Refund with one warning for the example response''s data, placeholders and all' {
        $data = ([System.Text.Json.Nodes.JsonNode]::Parse($Example))['data'].ToJsonString()
        $result = Get-FromStub (New-Envelope $data)
        $result.Errors | Should -BeNullOrEmpty
        $result.Objects.Count | Should -Be 1
        $refund = $result.Objects[0]
        $refund | Should -BeOfType ([Pandapon.Models.Refund])
        $refund.RequestedRefundId | Should -Be $Requested
        $refund.RefundId | Should -BeNullOrEmpty
        $refund.Status | Should -Be 'string'
        $refund.OnlyRefund | Should -BeTrue
        $refund.UnreadFields.Count | Should -Be 11
        $refund.UnreadFields.ContainsKey('gmtApply') | Should -BeTrue
        $refund.UnreadFields['refundId'] | Should -Be 'string'
        $result.Warnings.Count | Should -Be 1
        $result.Warnings[0] | Should -BeLike "Refund ${Requested}: 11 fields could not be read and are empty: createTime ""string"", updateTime ""string"", gmtApply ""string"", *, refundOperationList ""string"", refundId ""string""."
        # -Raw still gives the data exactly as sent, and warns about nothing.
        $raw = Get-FromStub (New-Envelope $data) -Raw
        $raw.Warnings | Should -BeNullOrEmpty
        $raw.Objects[0].refundId | Should -Be 'string'
        $raw.Objects[0].gmtApply | Should -Be 'string'
    }

    It 'refuses the example response itself: its code 0 is not success, and the error carries code, msg and requestId' {
        $result = Get-FromStub $Example
        $result.Objects | Should -BeNullOrEmpty
        $result.Errors.Count | Should -Be 1
        $result.Errors[0].Exception.Code | Should -Be 0
        $result.Errors[0].Exception.RequestId | Should -Be 'string'
        "$($result.Errors[0])" | Should -BeLike '*Only code 200 means success*'
        $result.Errors[0].TargetObject | Should -Be $Requested
    }

    It 'keeps each requested id apart when the data names another refund' {
        $result = Get-FromStub (New-Envelope $FullData) -Id $Requested, 'TQ24051418030700002'
        $result.Objects.Count | Should -Be 2
        $result.Objects[0].RefundId | Should -Be $Requested
        $result.Objects[1].RefundId | Should -BeNullOrEmpty
        $result.Objects[1].RequestedRefundId | Should -Be 'TQ24051418030700002'
        $result.Warnings | Should -Be @("Refund TQ24051418030700002: 1 field could not be read and is empty: refundId ""$Requested"".")
    }

    It 'still errors when data is <Name>' -ForEach @(
        @{ Name = 'null'; Data = 'null' }
        @{ Name = 'an array'; Data = '[1]' }
    ) {
        $result = Get-FromStub (New-Envelope $Data)
        $result.Objects | Should -BeNullOrEmpty
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidData,*'
    }

    It 'writes the Refund and one warning naming <Field> when only it is unreadable' -ForEach $RefundCases {
        $result = Get-FromStub (New-Envelope (Set-Field $FullData @($Field) $Bad))
        $result.Errors | Should -BeNullOrEmpty
        $result.Objects.Count | Should -Be 1
        $refund = $result.Objects[0]
        @($refund.UnreadFields.Keys) | Should -Be @($Field)
        $result.Warnings.Count | Should -Be 1
        $result.Warnings[0] | Should -BeLike "Refund ${Requested}: 1 field could not be read and is empty: $Field ""*""."
        $own = Get-PropertiesOf $refund $Field
        $own.Count | Should -BeGreaterThan 0
        foreach ($p in $own) { "$($refund.$p)" | Should -BeNullOrEmpty -Because "$p holds what could not be read" }
        Get-Cells $refund -Except $own | Should -Be (Get-Cells $Clean -Except $own)
    }

    It 'writes the Refund and one warning naming refundOperationList[1].<Field> when only it is unreadable' -ForEach $OperationCases {
        $result = Get-FromStub (New-Envelope (Set-Field $FullData @('refundOperationList', '1', $Field) $Bad))
        $result.Objects.Count | Should -Be 1
        $refund = $result.Objects[0]
        $result.Warnings | Should -BeLike "Refund ${Requested}: 1 field could not be read and is empty: refundOperationList``[1``].$Field ""*""."
        $operation = @($refund.RefundOperationList)[1]
        $own = Get-PropertiesOf $operation $Field
        $own.Count | Should -BeGreaterThan 0
        foreach ($p in $own) { "$($operation.$p)" | Should -BeNullOrEmpty -Because "$p holds what could not be read" }
        Get-Cells $operation -Except $own | Should -Be (Get-Cells @($Clean.RefundOperationList)[1] -Except $own)
        Get-Cells $refund -Except RefundOperationList | Should -Be (Get-Cells $Clean -Except RefundOperationList)
    }

    It 'exports the unread fields as one readable CSV cell, and Format-List shows them as one line only when there are some' {
        $refund = (Get-FromStub (New-Envelope (Set-Field $FullData @('gmtApply') '"yesterday"'))).Objects[0]
        ($refund | ConvertTo-Csv | ConvertFrom-Csv).UnreadFields | Should -Be 'gmtApply "yesterday"'
        ($refund | Format-List | Out-String -Width 200) | Should -Match '(?m)^UnreadFields\s+: gmtApply "yesterday"\s*$'
        ($Clean | Format-List | Out-String -Width 200) | Should -Not -Match 'UnreadFields'
    }
}
