# The refund model as PowerShell users meet it: Export-Csv cells, -ExpandProperty rows, the format views and
# ConvertTo-Json. The objects are built through the model's public API with every settable property filled, so a
# property added later with a type that Export-Csv would write as a .NET type name fails here.
# (The CSV round trip through Get-PandaponRefund and the sandbox belongs with that cmdlet's tests.)
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:ChinaTime = [DateTimeOffset]'2024-05-15T09:15:00+08:00'

    function New-SampleObject([type]$Type, [hashtable]$Values = @{}) {
        <# An instance of $Type with every settable property filled with a sample of its type, then $Values. #>
        $object = [Activator]::CreateInstance($Type)
        foreach ($property in $Type.GetProperties() | Where-Object CanWrite) {
            $valueType = [Nullable]::GetUnderlyingType($property.PropertyType) ?? $property.PropertyType
            $sample = switch ($valueType) {
                ([string]) { 'text of ' + $property.Name }
                ([decimal]) { 12.30d }
                ([DateTimeOffset]) { $script:ChinaTime }
                ([bool]) { $true }
                ([int]) { 3 }
                ([long]) { 3L }
                # The unary comma keeps a collection whole: a switch, like the pipeline, would unroll it.
                ([Pandapon.Models.StringList]) { , [Pandapon.Models.StringList]::new(@('3305075341150134260', '3305075341151134260')) }
                ([Pandapon.Models.OrderEntryCountMap]) {
                    $counts = [System.Collections.Generic.Dictionary[string, int]]::new()
                    $counts.Add('3305075341150134260', 2)
                    [Pandapon.Models.OrderEntryCountMap]::new($counts)
                }
                ([Pandapon.Models.RefundOperationList]) {
                    , [Pandapon.Models.RefundOperationList]::new(@(
                            (New-SampleObject ([Pandapon.Models.RefundOperation]) @{ BeforeOperateStatus = 'waitsellerreceive'; AfterOperateStatus = 'refundsuccess'; OperateRemark = '退款成功' }),
                            (New-SampleObject ([Pandapon.Models.RefundOperation]) @{ AfterOperateStatus = 'waitsellerreceive'; GmtCreate = $script:ChinaTime.AddHours(-15) })))
                }
                default { throw "No sample value for $($Type.Name).$($property.Name) of type $valueType. Add one here, and make sure Export-Csv writes no .NET type name for it." }
            }
            $object.($property.Name) = $sample
        }
        foreach ($name in $Values.Keys) { $object.$name = $Values[$name] }
        $object
    }

    function Get-CsvCells([object[]]$InputObject) {
        <# Every cell of the CSV that ConvertTo-Csv writes for the objects, as name/value pairs. #>
        foreach ($row in $InputObject | ConvertTo-Csv | ConvertFrom-Csv) {
            foreach ($cell in $row.PSObject.Properties) { [pscustomobject]@{ Column = $cell.Name; Value = $cell.Value } }
        }
    }

    $script:TypeNamePattern = '\b(System|Pandapon|Microsoft)\.[A-Z][A-Za-z]*'
    $script:Refund = New-SampleObject ([Pandapon.Models.Refund]) @{
        RefundId = 'TQ24051418030700001'; OrderId = '3305075341149134260'; Status = 'refundsuccess'; ApplyPayment = 0.01d
        ProductName = '纯棉短袖T恤 男款 白色 XL'
    }
}

Describe 'Pandapon.Models.Refund in the pipeline' {
    It 'writes no .NET type name into any Export-Csv cell, and fills every column' {
        $cells = @(Get-CsvCells $script:Refund)
        $cells.Count | Should -Be @([Pandapon.Models.Refund].GetProperties()).Count
        foreach ($cell in $cells) {
            # UnreadFields only the reader fills (RefundUnreadFields.Tests.ps1 checks its cell); it is empty here.
            if ($cell.Column -ne 'UnreadFields') { $cell.Value | Should -Not -BeNullOrEmpty -Because "column $($cell.Column) was filled" }
            $cell.Value | Should -Not -Match $script:TypeNamePattern -Because "column $($cell.Column) must hold data, not a type name"
        }
        ($cells | Where-Object Column -EQ 'RefundOperationList').Value | Should -Be '2 operations, last: refundsuccess 2024-05-15 09:15'
        ($cells | Where-Object Column -EQ 'OrderEntryIdList').Value | Should -Be '3305075341150134260;3305075341151134260'
        ($cells | Where-Object Column -EQ 'OrderEntryCountMap').Value | Should -Be '3305075341150134260=2'
        ($cells | Where-Object Column -EQ 'Currency').Value | Should -Be 'CNY'
    }

    It 'writes empty cells, not type names, for a refund with nothing set' {
        foreach ($cell in Get-CsvCells ([Pandapon.Models.Refund]::new())) {
            if ($cell.Column -eq 'Currency') { $cell.Value | Should -Be 'CNY' }
            else { $cell.Value | Should -BeNullOrEmpty -Because "column $($cell.Column) is unset" }
        }
    }

    It 'gives the history as RefundOperation rows with Select-Object -ExpandProperty, and those export cleanly too' {
        $rows = @($script:Refund | Select-Object -ExpandProperty RefundOperationList)
        $rows.Count | Should -Be 2
        $rows | ForEach-Object { $_ | Should -BeOfType ([Pandapon.Models.RefundOperation]) }
        $rows.AfterOperateStatus | Should -Be @('refundsuccess', 'waitsellerreceive')
        foreach ($cell in Get-CsvCells $rows) {
            $cell.Value | Should -Not -Match $script:TypeNamePattern -Because "column $($cell.Column) must hold data, not a type name"
        }
    }

    It 'lets Where-Object filter on status, yuan amounts and entry ids' {
        $other = New-SampleObject ([Pandapon.Models.Refund]) @{ RefundId = 'TQ24051418030700002'; Status = 'waitselleragree'; ApplyPayment = 45.90d }
        ($script:Refund, $other | Where-Object Status -EQ 'waitselleragree').RefundId | Should -Be 'TQ24051418030700002'
        ($script:Refund, $other | Where-Object ApplyPayment -GT 1).RefundId | Should -Be 'TQ24051418030700002'
        ($script:Refund, $other | Where-Object { $_.OrderEntryIdList -contains '3305075341150134260' }).Count | Should -Be 2
    }

    It 'shows the default table: RefundId, OrderId, Status, ApplyPayment, RefundPayment, GmtApply, ProductName' {
        $lines = ($script:Refund | Format-Table | Out-String -Width 200) -split '\r?\n' | Where-Object { $_.Trim() }
        -split $lines[0] | Should -Be @('RefundId', 'OrderId', 'Status', 'ApplyPayment', 'RefundPayment', 'GmtApply', 'ProductName')
        $lines[2] | Should -Match '^TQ24051418030700001 +3305075341149134260 +refundsuccess +0\.01 +12\.30 +2024-05-15 09:15 +纯棉短袖T恤'
    }

    It 'shows a list for Format-List, with the collections as their summaries' {
        $text = $script:Refund | Format-List | Out-String -Width 200
        $text | Should -Match '(?m)^RefundId +: TQ24051418030700001$'
        $text | Should -Match '(?m)^Currency +: CNY$'
        $text | Should -Match '(?m)^GmtApply +: 2024-05-15 09:15:00 \+08:00$'
        $text | Should -Match '(?m)^OrderEntryIdList +: 3305075341150134260;3305075341151134260$'
        $text | Should -Match '(?m)^RefundOperationList +: 2 operations, last: refundsuccess 2024-05-15 09:15$'
        $text | Should -Not -Match $script:TypeNamePattern
    }

    It 'shows the history as a table' {
        $lines = ($script:Refund.RefundOperationList | Format-Table | Out-String -Width 200) -split '\r?\n' | Where-Object { $_.Trim() }
        -split $lines[0] | Should -Be @('GmtCreate', 'BeforeOperateStatus', 'AfterOperateStatus', 'OperatorRoleId', 'OperateRemark')
        $lines[2] | Should -Match '^2024-05-15 09:15 +waitsellerreceive +refundsuccess +3 +退款成功$'
    }

    It 'converts to JSON at depth 3 without a warning, ids as strings, the history and its vouchers as arrays' {
        # The history's Vouchers is a list (like OrderEntryIdList), one level deeper than the default depth of 2.
        $null = $script:Refund | ConvertTo-Json -WarningVariable shallow -WarningAction SilentlyContinue
        "$shallow" | Should -BeLike '*depth of 2*'
        $json = $script:Refund | ConvertTo-Json -Depth 3 -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -BeNullOrEmpty
        $back = $json | ConvertFrom-Json
        $back.OrderId | Should -BeOfType ([string])
        $back.OrderId | Should -Be '3305075341149134260'
        $back.ApplyPayment | Should -Be 0.01
        @($back.RefundOperationList).Count | Should -Be 2
        $back.RefundOperationList[0].AfterOperateStatus | Should -Be 'refundsuccess'
        @($back.OrderEntryIdList) | Should -Be @('3305075341150134260', '3305075341151134260')
        $back.OrderEntryCountMap.'3305075341150134260' | Should -Be 2
        @($back.RefundOperationList[0].Vouchers) | Should -Be @('3305075341150134260', '3305075341151134260')
        $back.GoodsStatus | Should -Be 3
        $back.GoodsStatusCode | Should -Be 3
    }
}
