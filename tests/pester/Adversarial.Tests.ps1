# The adversarial counts of issue 15: a corpus of bad inputs, each of which must be refused before anything is sent
# (the sandbox's request count unchanged) with a Pandapon error, or PowerShell's binder refusing it, that names the
# parameter; and a set of valid inputs and files, each of which must be accepted. The summary line at the end is the
# figure to quote: "N bad inputs: N refused before sending, 0 accepted wrongly, 0 crashes; M valid inputs: M accepted".
# Hardening.Tests.ps1 keeps the cases that check more than the refusal (whole messages, output, streams).
BeforeDiscovery {
    $ok1688 = 'TQ21443713367004032'
    $okOrder = '2019601700000000001'
    $okEntry = '2019601700000000002'
    $okTaobao = '3055123456789012'
    $refund = @{ OrderId = $okOrder; OrderEntryId = $okEntry; DisputeRequest = 'Refund'; ApplyPayment = '1.00'; ReasonId = '20005'
        Description = '测试退款申请'; GoodsStatus = 'refundWaitBuyerReceive'; Force = $true }
    $shipment = @{ RefundId = $ok1688; LogisticsCompanyNo = 'ZTO'; FreightBill = '7300123456'; Force = $true }
    $message = @{ RefundId = $okTaobao; Message = 'hello'; Force = $true }
    $cancel = @{ OrderId = $okOrder; Reason = 'buyerCancel'; Force = $true }
    $keys = @{ AccessKey = 'ak'; SecretKey = 'sk'; UserId = '1'; WhatIf = $true }
    $signature = @{ AccessKey = 'ak'; SecretKey = 'sk'; Nonce = 'n1'; Timestamp = '1700000000000' }
    function With([hashtable]$Base, [hashtable]$Change) {
        $copy = $Base.Clone()
        foreach ($k in $Change.Keys) { $copy[$k] = $Change[$k] }
        $copy
    }
    function Bad([string]$Name, [string]$Parameter, [string]$Command, [hashtable]$Arguments, $Pipe, [scriptblock]$Run, [string]$Message, [string]$ErrorId, [switch]$UnixOnly) {
        @{ Name = $Name; Parameter = $Parameter; Command = $Command; Arguments = $Arguments; Pipe = $Pipe; Run = $Run; Message = $Message; ErrorId = $ErrorId; UnixOnly = [bool]$UnixOnly }
    }
    function Csv([string]$Text) { @($Text | ConvertFrom-Csv) }

    $cases = [System.Collections.Generic.List[hashtable]]::new()

    # 15.7: every text parameter that goes into a request (or a profile, or a signature) refuses objects that are not
    # text or numbers, instead of sending "System.Collections.Hashtable" or "@{Foo=1}".
    $textParameters = @(
        ,@('Get-PandaponRefund', 'RefundId', @{ RefundId = $ok1688 })
        ,@('Get-PandaponRefund', 'UserId', @{ RefundId = $ok1688 })
        ,@('Get-PandaponRefund', 'Endpoint', @{ RefundId = $ok1688 })
        ,@('Get-PandaponRefund', 'ProfileName', @{ RefundId = $ok1688 })
        ,@('Get-PandaponRefund', 'SignatureTemplate', @{ RefundId = $ok1688 })
        ,@('Get-PandaponOrder', 'OrderId', @{ OrderId = $okOrder })
        ,@('Get-PandaponOrder', 'Status', @{})
        ,@('Get-PandaponOrderLogistics', 'OrderId', @{ OrderId = $okOrder })
        ,@('Get-PandaponOrderPaymentUrl', 'OrderId', @{ OrderId = $okOrder })
        ,@('Get-PandaponTaobaoRefund', 'RefundId', @{ RefundId = $okTaobao })
        ,@('Get-PandaponTaobaoRefund', 'PurchaseOrderId', @{})
        ,@('Get-PandaponTaobaoRefund', 'SalesOrderId', @{})
        ,@('Stop-PandaponTaobaoRefund', 'RefundId', @{ RefundId = $okTaobao; Force = $true })
        ,@('Send-PandaponTaobaoRefundMessage', 'RefundId', $message)
        ,@('Send-PandaponTaobaoRefundMessage', 'Message', $message)
        ,@('Send-PandaponTaobaoRefundMessage', 'ImageUrl', $message)
        ,@('Stop-PandaponOrder', 'OrderId', $cancel)
        ,@('Stop-PandaponOrder', 'Reason', $cancel)
        ,@('Stop-PandaponOrder', 'Remark', $cancel)
        ,@('Confirm-PandaponOrderReceipt', 'OrderId', @{ OrderId = $okOrder; Force = $true })
        ,@('Confirm-PandaponOrderReceipt', 'OrderEntryId', @{ OrderId = $okOrder; Force = $true })
        ,@('New-PandaponRefund', 'OrderId', $refund)
        ,@('New-PandaponRefund', 'OrderEntryId', $refund)
        ,@('New-PandaponRefund', 'ReasonId', $refund)
        ,@('New-PandaponRefund', 'Description', $refund)
        ,@('New-PandaponRefund', 'GoodsStatus', $refund)
        ,@('New-PandaponRefund', 'Voucher', $refund)
        ,@('Submit-PandaponReturnShipment', 'RefundId', $shipment)
        ,@('Submit-PandaponReturnShipment', 'LogisticsCompanyNo', $shipment)
        ,@('Submit-PandaponReturnShipment', 'FreightBill', $shipment)
        ,@('Submit-PandaponReturnShipment', 'Description', $shipment)
        ,@('Submit-PandaponReturnShipment', 'Voucher', $shipment)
        ,@('Invoke-PandaponRequest', 'Path', @{ Path = '/alibaba/refund/info'; Body = @{ refundId = $ok1688 } })
        ,@('Set-PandaponCredential', 'AccessKey', $keys)
        ,@('Set-PandaponCredential', 'UserId', $keys)
        ,@('Set-PandaponCredential', 'Endpoint', $keys)
        ,@('Set-PandaponCredential', 'StoreAs', $keys)
        ,@('Set-PandaponCredential', 'SignatureTemplate', $keys)
        ,@('Get-PandaponSignature', 'AccessKey', $signature)
        ,@('Get-PandaponSignature', 'Nonce', $signature)
        ,@('Get-PandaponSignature', 'UserId', $signature)
        ,@('Get-PandaponSignature', 'Path', $signature)
        ,@('Get-PandaponSignature', 'Body', $signature)
        ,@('Get-PandaponCredential', 'ProfileName', @{})
        ,@('Remove-PandaponCredential', 'ProfileName', @{ Force = $true })
        ,@('Receive-PandaponMessage', 'Prefix', @{ Timeout = 1 })
        ,@('ConvertFrom-PandaponMessage', 'Path', @{})
    )
    $objects = @(
        @{ What = 'a hashtable'; Value = @{ a = 1 } }
        @{ What = 'an object'; Value = [pscustomobject]@{ Foo = 1 } }
        @{ What = 'a script block'; Value = { 'x' } }
    )
    foreach ($p in $textParameters) {
        foreach ($o in $objects) {
            $cases.Add((Bad "$($p[0]) -$($p[1]) $($o.What)" "-$($p[1])" $p[0] (With $p[2] @{ $p[1] = $o.Value })))
        }
    }
    $cases.Add((Bad 'Stop-PandaponOrder -OrderId a list of two' '-OrderId' 'Stop-PandaponOrder' (With $cancel @{ OrderId = @($okOrder, $okOrder) }) -Message '*-OrderId takes one value, not a list of 2*'))
    $cases.Add((Bad 'Submit-PandaponReturnShipment -FreightBill a list of two' '-FreightBill' 'Submit-PandaponReturnShipment' (With $shipment @{ FreightBill = @('1', '2') })))
    $cases.Add((Bad 'New-PandaponRefund -Description a list of two' '-Description' 'New-PandaponRefund' (With $refund @{ Description = @('测试退款申请', '测试退款申请') })))
    $cases.Add((Bad 'Get-PandaponRefund -UserId a list of two' '-UserId' 'Get-PandaponRefund' @{ RefundId = $ok1688; UserId = @('1', '2') }))
    $cases.Add((Bad 'Get-PandaponRefund a nested list of ids' '-RefundId' 'Get-PandaponRefund' @{ RefundId = @($ok1688, @($ok1688, $ok1688)) } -Message '*itself a list*'))
    $cases.Add((Bad 'Get-PandaponOrder -OrderId $true' '-OrderId' 'Get-PandaponOrder' @{ OrderId = $true }))
    $cases.Add((Bad 'Get-PandaponOrder -OrderId a date' '-OrderId' 'Get-PandaponOrder' @{ OrderId = [datetime]'2026-01-01' }))
    $cases.Add((Bad 'piped [pscustomobject]@{Foo=1} to Get-PandaponRefund' '-RefundId' 'Get-PandaponRefund' @{} -Pipe ([pscustomobject]@{ Foo = 1 }) -Message '*properties Foo;*RefundId, Id or RefundIds binds*'))
    # A hashtable is not a record: PowerShell binds only the properties of an object by name, never a hashtable's keys.
    $cases.Add((Bad 'piped @{RefundId=...} to Get-PandaponRefund' '-RefundId' 'Get-PandaponRefund' @{} -Pipe @{ RefundId = $ok1688 } -Message '*keys of a hashtable do not bind*[[]pscustomobject]@{ RefundId = ... }*'))
    $cases.Add((Bad 'piped @{Id=...} to Get-PandaponRefund' '-RefundId' 'Get-PandaponRefund' @{} -Pipe @{ Id = $ok1688 } -Message '*keys of a hashtable do not bind*'))
    $cases.Add((Bad 'piped @{OrderId=...} to Get-PandaponOrder' '-OrderId' 'Get-PandaponOrder' @{} -Pipe @{ OrderId = $okOrder }))
    $cases.Add((Bad 'piped @{RefundId=...} to Stop-PandaponTaobaoRefund' '-RefundId' 'Stop-PandaponTaobaoRefund' @{ Force = $true } -Pipe @{ RefundId = $okTaobao }))
    $cases.Add((Bad 'piped a date to Get-PandaponOrderLogistics' '-OrderId' 'Get-PandaponOrderLogistics' @{} -Pipe ([datetime]'2026-01-01')))

    # Ids.
    foreach ($id in '', ' ', 'TQ', 'tq', 'TQ1 2', "TQ1`n2", 'TQ-1', '../TQ1', 'TQ１２３', 'TQ1;TQ2', ('TQ' + '1' * 200), $okOrder, $okTaobao, '-1', '1.5') {
        $cases.Add((Bad "Get-PandaponRefund '$($id -replace "`n", '\n')'" '-RefundId' 'Get-PandaponRefund' @{ RefundId = $id }))
    }
    foreach ($id in 'abc', '2.0196E+18', '-1', '', '１２３４５６７８９０１２３４５６７８９', ('1' * 40), $ok1688, '0x1F') {
        $cases.Add((Bad "Get-PandaponOrder '$id'" '-OrderId' 'Get-PandaponOrder' @{ OrderId = $id }))
    }
    foreach ($id in $ok1688, 'abc', '-5', '', '1 2') {
        $cases.Add((Bad "Get-PandaponTaobaoRefund '$id'" '-RefundId' 'Get-PandaponTaobaoRefund' @{ RefundId = $id }))
    }
    $cases.Add((Bad "Get-PandaponOrderPaymentUrl 'x'" '-OrderId' 'Get-PandaponOrderPaymentUrl' @{ OrderId = 'x' }))
    $cases.Add((Bad "Get-PandaponOrderLogistics 'x'" '-OrderId' 'Get-PandaponOrderLogistics' @{ OrderId = 'x' }))
    $cases.Add((Bad "Stop-PandaponOrder 'x'" '-OrderId' 'Stop-PandaponOrder' (With $cancel @{ OrderId = 'x' })))
    $cases.Add((Bad "Confirm-PandaponOrderReceipt -OrderEntryId 'x'" '-OrderEntryId' 'Confirm-PandaponOrderReceipt' @{ OrderId = $okOrder; OrderEntryId = 'x'; Force = $true }))
    $cases.Add((Bad "Stop-PandaponTaobaoRefund 'x'" '-RefundId' 'Stop-PandaponTaobaoRefund' @{ RefundId = 'x'; Force = $true }))
    $cases.Add((Bad "Send-PandaponTaobaoRefundMessage -RefundId ''" '-RefundId' 'Send-PandaponTaobaoRefundMessage' (With $message @{ RefundId = '' })))
    $cases.Add((Bad "Submit-PandaponReturnShipment -RefundId '123'" '-RefundId' 'Submit-PandaponReturnShipment' (With $shipment @{ RefundId = '123' })))
    $cases.Add((Bad "New-PandaponRefund -OrderId 'x'" '-OrderId' 'New-PandaponRefund' (With $refund @{ OrderId = 'x' })))
    $cases.Add((Bad "New-PandaponRefund -OrderEntryId ''" '-OrderEntryId' 'New-PandaponRefund' (With $refund @{ OrderEntryId = '' })))
    $cases.Add((Bad "New-PandaponRefund -ReasonId 'abc'" '-ReasonId' 'New-PandaponRefund' (With $refund @{ ReasonId = 'abc' })))
    $cases.Add((Bad "Get-PandaponTaobaoRefund -PurchaseOrderId 'abc'" '-PurchaseOrderId' 'Get-PandaponTaobaoRefund' @{ PurchaseOrderId = 'abc' }))

    # Amounts (15.6).
    foreach ($amount in 'abc', '-1', '1.234', '1e5', '10 USD', '1,000.00', 'NaN', '99999999999999999999', '0x10', (0.1 + 0.2), 123.456, [double]::NaN, [double]::PositiveInfinity, -0.5, '') {
        $cases.Add((Bad "New-PandaponRefund -ApplyPayment $amount ($($amount.GetType().Name))" '-ApplyPayment' 'New-PandaponRefund' (With $refund @{ ApplyPayment = $amount })))
    }
    foreach ($amount in '-0.01', 'x', 0.001) {
        $cases.Add((Bad "New-PandaponRefund -ApplyCarriage $amount" '-ApplyCarriage' 'New-PandaponRefund' (With $refund @{ ApplyCarriage = $amount })))
    }

    # Dates.
    $cases.Add((Bad "Get-PandaponOrder -CreatedAfter 'yesterday'" '-CreatedAfter' 'Get-PandaponOrder' @{ CreatedAfter = 'yesterday' }))
    $cases.Add((Bad "Get-PandaponOrder -CreatedAfter '2026-13-01'" '-CreatedAfter' 'Get-PandaponOrder' @{ CreatedAfter = '2026-13-01' }))
    $cases.Add((Bad 'Get-PandaponOrder -CreatedAfter after -CreatedBefore' '-CreatedAfter' 'Get-PandaponOrder' @{ CreatedAfter = '2026-02-01'; CreatedBefore = '2026-01-01' }))
    $cases.Add((Bad 'Get-PandaponTaobaoRefund -CreatedAfter after -CreatedBefore' '-CreatedAfter' 'Get-PandaponTaobaoRefund' @{ CreatedAfter = '2026-02-01'; CreatedBefore = '2026-01-01' }))
    $cases.Add((Bad "Get-PandaponTaobaoRefund -CreatedBefore 'soon'" '-CreatedBefore' 'Get-PandaponTaobaoRefund' @{ CreatedBefore = 'soon' }))

    # Enums and sets.
    foreach ($value in 'Bogus', '3', '0', '') {
        $cases.Add((Bad "New-PandaponRefund -DisputeRequest '$value'" '-DisputeRequest' 'New-PandaponRefund' (With $refund @{ DisputeRequest = $value })))
    }
    $cases.Add((Bad "New-PandaponRefund -GoodsStatus 'shipped'" '-GoodsStatus' 'New-PandaponRefund' (With $refund @{ GoodsStatus = 'shipped' })))
    $cases.Add((Bad "Stop-PandaponOrder -Reason 'bored'" '-Reason' 'Stop-PandaponOrder' (With $cancel @{ Reason = 'bored' })))
    $cases.Add((Bad "Get-PandaponOrder -Status 'lost'" '-Status' 'Get-PandaponOrder' @{ Status = 'lost' }))
    $cases.Add((Bad "Get-PandaponTaobaoRefund -Status 'Bogus'" '-Status' 'Get-PandaponTaobaoRefund' @{ Status = 'Bogus' }))
    $cases.Add((Bad "Get-PandaponRefund -SignatureAlgorithm 'MD4'" '-SignatureAlgorithm' 'Get-PandaponRefund' @{ RefundId = $ok1688; SignatureAlgorithm = 'MD4' }))
    $cases.Add((Bad "Get-PandaponRefund -SignatureCase 'Mixed'" '-SignatureCase' 'Get-PandaponRefund' @{ RefundId = $ok1688; SignatureCase = 'Mixed' }))
    $cases.Add((Bad "Get-PandaponRefund -TimestampUnit 'Hours'" '-TimestampUnit' 'Get-PandaponRefund' @{ RefundId = $ok1688; TimestampUnit = 'Hours' }))
    $cases.Add((Bad "Invoke-PandaponRequest -Method 'PUT'" '-Method' 'Invoke-PandaponRequest' @{ Path = '/alibaba/refund/info'; Method = 'PUT' }))

    # Page sizes, counts and limits.
    foreach ($size in 0, -1, 101, 'abc', 1e9) {
        $cases.Add((Bad "Get-PandaponOrder -PageSize $size" '-PageSize' 'Get-PandaponOrder' @{ PageSize = $size }))
    }
    foreach ($size in 0, 10000) {
        $cases.Add((Bad "Get-PandaponTaobaoRefund -PageSize $size" '-PageSize' 'Get-PandaponTaobaoRefund' @{ PageSize = $size }))
    }
    $cases.Add((Bad 'Get-PandaponOrder -First -1' '-First' 'Get-PandaponOrder' @{ First = -1 }))
    $cases.Add((Bad 'Get-PandaponRefund -ThrottleLimit 0' '-ThrottleLimit' 'Get-PandaponRefund' @{ RefundId = $ok1688; ThrottleLimit = 0 }))
    $cases.Add((Bad 'Get-PandaponRefund -ThrottleLimit 1000' '-ThrottleLimit' 'Get-PandaponRefund' @{ RefundId = $ok1688; ThrottleLimit = 1000 }))
    $cases.Add((Bad 'Get-PandaponRefund -MaxRetries -1' '-MaxRetries' 'Get-PandaponRefund' @{ RefundId = $ok1688; MaxRetries = -1 }))
    $cases.Add((Bad 'Get-PandaponRefund -TimeoutSec -1' '-TimeoutSec' 'Get-PandaponRefund' @{ RefundId = $ok1688; TimeoutSec = -1 }))
    $cases.Add((Bad 'Get-PandaponRefund -MaxRequestsPerSecond -1' '-MaxRequestsPerSecond' 'Get-PandaponRefund' @{ RefundId = $ok1688; MaxRequestsPerSecond = -1 }))
    $cases.Add((Bad 'Get-PandaponHistory -Last 0' '-Last' 'Get-PandaponHistory' @{ Last = 0 }))

    # Paths (15.1): refused before signing, quoting the path as typed.
    foreach ($path in '/alibaba/%2e%2e/sandbox/refunds/TQ1/agree', '/x/y/../../alibaba/refund/info', '/alibaba/%2E%2E/refund/info', '/alibaba\refund\info',
        '/alibaba//refund/info', '/alibaba/./refund/info') {
        $cases.Add((Bad "Invoke-PandaponRequest '$path'" '-Path' 'Invoke-PandaponRequest' @{ Path = $path; Body = @{ refundId = $ok1688 } } `
            -Message "-Path '$([WildcardPattern]::Escape($path))' is not valid: *" -ErrorId 'Pandapon.InvalidPath,Pandapon.Commands.InvokePandaponRequestCommand'))
    }
    foreach ($path in 'alibaba/refund/info', 'http://evil.example/alibaba/refund/info', "/alibaba/refund/info`n", '') {
        $cases.Add((Bad "Invoke-PandaponRequest '$($path -replace "`n", '\n')'" '-Path' 'Invoke-PandaponRequest' @{ Path = $path; Body = @{ refundId = $ok1688 } }))
    }

    # Query values and bodies (15.7, 15.10).
    $cases.Add((Bad 'Invoke-PandaponRequest -Query a=@{b=1}' '-Query' 'Invoke-PandaponRequest' @{ Path = '/alibaba/order/pay/url'; Query = @{ a = @{ b = 1 } } }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Query a=@(1,@(2,3))' '-Query' 'Invoke-PandaponRequest' @{ Path = '/alibaba/order/pay/url'; Query = @{ a = @(1, @(2, 3)) } }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Query a=[pscustomobject]' '-Query' 'Invoke-PandaponRequest' @{ Path = '/alibaba/order/pay/url'; Query = @{ a = [pscustomobject]@{ b = 1 } } }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Query a=(a script block)' '-Query' 'Invoke-PandaponRequest' @{ Path = '/alibaba/order/pay/url'; Query = @{ a = { 1 } } }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Body (Get-Process)' '-Body' 'Invoke-PandaponRequest' @{ Path = '/alibaba/refund/info'; Body = (Get-Process -Id $PID) }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Body JSON text that is not JSON' '-Body' 'Invoke-PandaponRequest' @{ Path = '/alibaba/refund/info'; Body = '{"refundId":' }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Body a NaN' '-Body' 'Invoke-PandaponRequest' @{ Path = '/alibaba/refund/info'; Body = @{ refundId = $ok1688; n = [double]::NaN } }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Body a script block' '-Body' 'Invoke-PandaponRequest' @{ Path = '/alibaba/refund/info'; Body = { 'x' } } -Message '*-Body is a script block*'))
    $cases.Add((Bad 'Invoke-PandaponRequest -Body that holds itself' '-Body' 'Invoke-PandaponRequest' @{ Path = '/alibaba/refund/info' } -Run {
        $loop = @{ refundId = 'TQ21443713367004032' }; $loop.self = $loop
        Invoke-PandaponRequest /alibaba/refund/info -Body $loop }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Body of 100 levels' '-Body' 'Invoke-PandaponRequest' @{} -Run {
        $deep = @{ v = 1 }; foreach ($i in 1..100) { $deep = @{ v = $deep } }
        Invoke-PandaponRequest /alibaba/refund/info -Body $deep }))

    # Parameters of other types given objects: PowerShell's binder refuses them, naming the parameter.
    $cases.Add((Bad 'Set-PandaponCredential -SecretKey a hashtable' '-SecretKey' 'Set-PandaponCredential' (With $keys @{ SecretKey = @{ a = 1 } })))
    $cases.Add((Bad 'Get-PandaponSignature -SecretKey an object' '-SecretKey' 'Get-PandaponSignature' (With $signature @{ SecretKey = [pscustomobject]@{ a = 1 } })))
    $cases.Add((Bad 'Get-PandaponRefund -Credential a hashtable' '-Credential' 'Get-PandaponRefund' @{ RefundId = $ok1688; Credential = @{ a = 1 }; UserId = '1' }))
    $cases.Add((Bad 'Get-PandaponOrder -CreatedAfter a hashtable' '-CreatedAfter' 'Get-PandaponOrder' @{ CreatedAfter = @{ a = 1 } }))
    $cases.Add((Bad 'Get-PandaponHistory -Last a hashtable' '-Last' 'Get-PandaponHistory' @{ Last = @{ a = 1 } }))
    $cases.Add((Bad "Receive-PandaponMessage -DeduplicationWindow 'x'" '-DeduplicationWindow' 'Receive-PandaponMessage' @{ DeduplicationWindow = 'x'; Timeout = 1 }))
    $cases.Add((Bad "Receive-PandaponMessage -Prefix 'not a url'" '-Prefix' 'Receive-PandaponMessage' @{ Prefix = 'not a url'; Timeout = 1 }))
    $cases.Add((Bad "Receive-PandaponMessage -Prefix 'http://0.0.0.0:8080/x/' without -AllowRemote" '-Prefix' 'Receive-PandaponMessage' @{ Prefix = 'http://0.0.0.0:8080/x/'; Timeout = 1 }))
    $cases.Add((Bad "Invoke-PandaponRequest -Query 'a=1' (text, not a dictionary)" '-Query' 'Invoke-PandaponRequest' @{ Path = '/alibaba/refund/info'; Query = 'a=1' }))
    $cases.Add((Bad 'Invoke-PandaponRequest -Query with an empty name' '-Query' 'Invoke-PandaponRequest' @{ Path = '/alibaba/refund/info'; Query = @{ '' = 1 } }))
    $cases.Add((Bad 'Get-PandaponOrder -Filter holding a script block' '-Filter' 'Get-PandaponOrder' @{ Filter = @{ a = { 1 } } } -Message '*-Filter.a is a script block*'))
    $cases.Add((Bad 'Get-PandaponOrder -Filter holding a process' '-Filter' 'Get-PandaponOrder' @{ Filter = @{ a = (Get-Process -Id $PID) } }))
    $cases.Add((Bad 'New-PandaponRefund -OrderEntryCount a process' '-OrderEntryCount' 'New-PandaponRefund' (With $refund @{ OrderEntryCount = (Get-Process -Id $PID) })))
    $cases.Add((Bad 'New-PandaponRefund -OrderEntryCount a quantity that is a hashtable' '-OrderEntryCount' 'New-PandaponRefund' (With $refund @{ OrderEntryCount = @{ $okEntry = @{ a = 1 } } })))
    $cases.Add((Bad 'ConvertFrom-PandaponMessage a hashtable that is no message' 'messageType' 'ConvertFrom-PandaponMessage' @{ InputObject = @{ a = 1 } }))

    # Texts and lengths (15.16).
    $cases.Add((Bad 'Submit-PandaponReturnShipment -Description of 100,000 characters' '-Description' 'Submit-PandaponReturnShipment' (With $shipment @{ Description = 'x' * 100000 })))
    $cases.Add((Bad 'New-PandaponRefund -Description of 1 character' '-Description' 'New-PandaponRefund' (With $refund @{ Description = 'x' })))
    $cases.Add((Bad 'New-PandaponRefund -Description of 151 characters' '-Description' 'New-PandaponRefund' (With $refund @{ Description = '退' * 151 })))
    $cases.Add((Bad 'New-PandaponRefund -Voucher 6 URLs' '-Voucher' 'New-PandaponRefund' (With $refund @{ Voucher = 1..6 | ForEach-Object { "https://img.example/$_.jpg" } })))
    $cases.Add((Bad "New-PandaponRefund -Voucher 'not a url'" '-Voucher' 'New-PandaponRefund' (With $refund @{ Voucher = 'not a url' })))
    $cases.Add((Bad 'Submit-PandaponReturnShipment -Voucher 11 URLs' '-Voucher' 'Submit-PandaponReturnShipment' (With $shipment @{ Voucher = 1..11 | ForEach-Object { "https://img.example/$_.jpg" } })))
    $cases.Add((Bad "Submit-PandaponReturnShipment -FreightBill '73 00'" '-FreightBill' 'Submit-PandaponReturnShipment' (With $shipment @{ FreightBill = '73 00' })))
    $cases.Add((Bad "Submit-PandaponReturnShipment -FreightBill ''" '-FreightBill' 'Submit-PandaponReturnShipment' (With $shipment @{ FreightBill = '' })))
    $cases.Add((Bad "Submit-PandaponReturnShipment -LogisticsCompanyNo ''" '-LogisticsCompanyNo' 'Submit-PandaponReturnShipment' (With $shipment @{ LogisticsCompanyNo = '' })))
    $cases.Add((Bad 'Send-PandaponTaobaoRefundMessage -Message of 501 characters' '-Message' 'Send-PandaponTaobaoRefundMessage' (With $message @{ Message = 'm' * 501 })))
    $cases.Add((Bad "Send-PandaponTaobaoRefundMessage -Message ''" '-Message' 'Send-PandaponTaobaoRefundMessage' (With $message @{ Message = '' })))
    $cases.Add((Bad 'Send-PandaponTaobaoRefundMessage -ImageUrl 10 URLs' '-ImageUrl' 'Send-PandaponTaobaoRefundMessage' (With $message @{ ImageUrl = 1..10 | ForEach-Object { "https://img.example/$_.jpg" } })))
    $cases.Add((Bad "Send-PandaponTaobaoRefundMessage -ImageUrl 'ftp://x/y.jpg'" '-ImageUrl' 'Send-PandaponTaobaoRefundMessage' (With $message @{ ImageUrl = 'ftp://x/y.jpg' })))
    $cases.Add((Bad "New-PandaponRefund -OrderEntryCount 'a=b'" '-OrderEntryCount' 'New-PandaponRefund' (With $refund @{ OrderEntryCount = 'a=b' })))

    # Proxies (17.5): an address that is not an absolute http(s)/socks5 host and port, a password inside it, options
    # that need -Proxy, on the API cmdlets and on Set-PandaponCredential.
    $proxyCredential = [pscredential]::new('alice', (ConvertTo-SecureString 'proxy-pass' -AsPlainText -Force))
    foreach ($address in 'ftp://127.0.0.1:21', 'proxy.local:8080', 'http://alice:proxy-pass@127.0.0.1:9', 'http://127.0.0.1:9/some/path', 'http://', ' ') {
        $cases.Add((Bad "Get-PandaponRefund -Proxy '$address'" '-Proxy' 'Get-PandaponRefund' @{ RefundId = $ok1688; Proxy = $address }))
        $cases.Add((Bad "Set-PandaponCredential -Proxy '$address'" '-Proxy' 'Set-PandaponCredential' (With $keys @{ Proxy = $address })))
    }
    $cases.Add((Bad 'Get-PandaponRefund -Proxy @{a=1}' '-Proxy' 'Get-PandaponRefund' @{ RefundId = $ok1688; Proxy = @{ a = 1 } }))
    $cases.Add((Bad 'Get-PandaponRefund -ProxyCredential without -Proxy' '-ProxyCredential' 'Get-PandaponRefund' @{ RefundId = $ok1688; ProxyCredential = $proxyCredential }))
    $cases.Add((Bad 'Get-PandaponRefund -ProxyUseDefaultCredentials without -Proxy' '-ProxyUseDefaultCredentials' 'Get-PandaponRefund' @{ RefundId = $ok1688; ProxyUseDefaultCredentials = $true }))
    $cases.Add((Bad 'Get-PandaponRefund -NoProxy with -Proxy' '-NoProxy' 'Get-PandaponRefund' @{ RefundId = $ok1688; NoProxy = $true; Proxy = 'http://127.0.0.1:9' }))
    $cases.Add((Bad 'Get-PandaponOrder -ProxyCredential with -ProxyUseDefaultCredentials' '-ProxyCredential' 'Get-PandaponOrder' @{ Proxy = 'http://127.0.0.1:9'; ProxyCredential = $proxyCredential; ProxyUseDefaultCredentials = $true }))
    $cases.Add((Bad 'Set-PandaponCredential -ProxyCredential without -Proxy' '-ProxyCredential' 'Set-PandaponCredential' (With $keys @{ ProxyCredential = $proxyCredential })))

    # Profile names, keys, user ids, endpoints, templates (15.5, 15.9, 15.11, 15.13, 15.14).
    foreach ($name in '[', '../x', 'a/b', "a`nb", ('p' * 300), '   ') {
        $cases.Add((Bad "Get-PandaponRefund -ProfileName '$($name -replace "`n", '\n')'" '-ProfileName' 'Get-PandaponRefund' @{ RefundId = $ok1688; ProfileName = $name }))
    }
    $cases.Add((Bad "Get-PandaponCredential -ProfileName '['" '-ProfileName' 'Get-PandaponCredential' @{ ProfileName = '[' }))
    $cases.Add((Bad "Set-PandaponCredential -StoreAs '../x'" '-StoreAs' 'Set-PandaponCredential' (With $keys @{ StoreAs = '../x' })))
    $cases.Add((Bad "Remove-PandaponCredential '../x'" '-ProfileName' 'Remove-PandaponCredential' @{ ProfileName = '../x'; Force = $true }))
    foreach ($key in ' ', "a`nb", ('a' * 257)) {
        $cases.Add((Bad "Set-PandaponCredential -AccessKey '$($key -replace "`n", '\n')'" '-AccessKey' 'Set-PandaponCredential' (With $keys @{ AccessKey = $key })))
    }
    $cases.Add((Bad "Set-PandaponCredential -SecretKey ''" '-SecretKey' 'Set-PandaponCredential' (With $keys @{ SecretKey = '' })))
    $cases.Add((Bad "Set-PandaponCredential -UserId '1\r\n2'" '-UserId' 'Set-PandaponCredential' (With $keys @{ UserId = "1`r`n2" })))
    $cases.Add((Bad "Set-PandaponCredential -Endpoint 'ftp://x'" '-Endpoint' 'Set-PandaponCredential' (With $keys @{ Endpoint = 'ftp://x' })))
    $cases.Add((Bad "Set-PandaponCredential -SignatureTemplate 'access-key={AccessKey}'" '-SignatureTemplate' 'Set-PandaponCredential' (With $keys @{ SignatureTemplate = 'access-key={AccessKey}' })))
    $cases.Add((Bad "Get-PandaponRefund -UserId '1\r\n2'" '-UserId' 'Get-PandaponRefund' @{ RefundId = $ok1688; UserId = "1`r`n2" }))
    $cases.Add((Bad "Get-PandaponRefund -UserId of 257 characters" '-UserId' 'Get-PandaponRefund' @{ RefundId = $ok1688; UserId = '1' * 257 }))
    foreach ($endpoint in 'ftp://x', 'not a url', "http://127.0.0.1`n:1", 'http://user:pass@127.0.0.1:1') {
        $cases.Add((Bad "Get-PandaponRefund -Endpoint '$($endpoint -replace "`n", '\n')'" '-Endpoint' 'Get-PandaponRefund' @{ RefundId = $ok1688; Endpoint = $endpoint }))
    }
    $cases.Add((Bad "Get-PandaponRefund -SignatureTemplate '{Bogus}'" '-SignatureTemplate' 'Get-PandaponRefund' @{ RefundId = $ok1688; SignatureTemplate = '{AccessKey}{SecretKey}{Bogus}' }))
    $cases.Add((Bad "Get-PandaponRefund -SignatureTemplate without the secret" '-SignatureTemplate' 'Get-PandaponRefund' @{ RefundId = $ok1688; SignatureTemplate = 'access-key={AccessKey}' }))
    $cases.Add((Bad "Get-PandaponSignature -Nonce 'a\nb'" '-Nonce' 'Get-PandaponSignature' (With $signature @{ Nonce = "a`nb" })))
    $cases.Add((Bad "Get-PandaponSignature -Timestamp 'now'" '-Timestamp' 'Get-PandaponSignature' (With $signature @{ Timestamp = 'now' })))
    $cases.Add((Bad "Get-PandaponSignature -SecretKey ''" '-SecretKey' 'Get-PandaponSignature' (With $signature @{ SecretKey = '' })))
    $cases.Add((Bad "Get-PandaponSignature -AccessKey ' '" '-AccessKey' 'Get-PandaponSignature' (With $signature @{ AccessKey = ' ' })))
    $cases.Add((Bad 'Get-PandaponSignature -SecretKey of 1 MB' '-SecretKey' 'Get-PandaponSignature' @{} -Run {
        Get-PandaponSignature -AccessKey ak -SecretKey (ConvertTo-SecureString ('s' * 65536) -AsPlainText -Force) -Nonce n }))

    # CSV cells: a row with a bad or missing value is refused, naming the column.
    $refundHeader = 'OrderId,OrderEntryId,DisputeRequest,ApplyPayment,ReasonId,Description,GoodsStatus'
    foreach ($row in @(
            @{ Column = 'DisputeRequest'; Line = "$okOrder,$okEntry,Bogus,1.00,20005,测试退款申请,refundWaitBuyerReceive" }
            @{ Column = 'ApplyPayment'; Line = "$okOrder,$okEntry,Refund,abc,20005,测试退款申请,refundWaitBuyerReceive" }
            @{ Column = 'ApplyPayment'; Line = "$okOrder,$okEntry,Refund,`"1,5`",20005,测试退款申请,refundWaitBuyerReceive" }
            @{ Column = 'OrderId'; Line = "2.0196E+18,$okEntry,Refund,1.00,20005,测试退款申请,refundWaitBuyerReceive" }
            @{ Column = 'OrderEntryId'; Line = "$okOrder,,Refund,1.00,20005,测试退款申请,refundWaitBuyerReceive" }
            @{ Column = 'Description'; Line = "$okOrder,$okEntry,Refund,1.00,20005,x,refundWaitBuyerReceive" }
            @{ Column = 'GoodsStatus'; Line = "$okOrder,$okEntry,Refund,1.00,20005,测试退款申请,nope" }
            @{ Column = 'ReasonId'; Line = "$okOrder,$okEntry,Refund,1.00,abc,测试退款申请,refundWaitBuyerReceive" })) {
        $cases.Add((Bad "New-PandaponRefund CSV row with a bad $($row.Column) cell" "$($row.Column)" 'New-PandaponRefund' @{ Force = $true } -Pipe (Csv "$refundHeader`n$($row.Line)")))
    }
    $cases.Add((Bad 'New-PandaponRefund CSV without the OrderId column' 'OrderId' 'New-PandaponRefund' @{ Force = $true } -Pipe (Csv "order,OrderEntryId,DisputeRequest,ApplyPayment,ReasonId,Description,GoodsStatus`n$okOrder,$okEntry,Refund,1.00,20005,测试退款申请,refundWaitBuyerReceive")))
    $cases.Add((Bad 'Get-PandaponRefund CSV with a refund_id column' '-RefundId' 'Get-PandaponRefund' @{} -Pipe (Csv "refund_id`n$ok1688")))
    $cases.Add((Bad 'Get-PandaponRefund CSV without a header' '-RefundId' 'Get-PandaponRefund' @{} -Pipe (Csv "$ok1688`n$ok1688")))
    $cases.Add((Bad 'Get-PandaponOrder CSV with an order column' '-OrderId' 'Get-PandaponOrder' @{} -Pipe (Csv "order`n$okOrder")))
    $cases.Add((Bad 'Submit-PandaponReturnShipment CSV row with a waybill holding a space' 'FreightBill' 'Submit-PandaponReturnShipment' @{ Force = $true } -Pipe (Csv "refundId,companyNo,freightBill`n$ok1688,ZTO,73 00")))
    $cases.Add((Bad 'Submit-PandaponReturnShipment CSV row with a refund id without TQ' 'RefundId' 'Submit-PandaponReturnShipment' @{ Force = $true } -Pipe (Csv "refundId,companyNo,freightBill`n123,ZTO,7300")))
    $cases.Add((Bad 'Send-PandaponTaobaoRefundMessage CSV row with a 1688 id' 'RefundId' 'Send-PandaponTaobaoRefundMessage' @{ Force = $true } -Pipe (Csv "refund_id,refundMessage`n$ok1688,hello")))
    $cases.Add((Bad 'Stop-PandaponOrder CSV row with a bad reason' 'Reason' 'Stop-PandaponOrder' @{ Force = $true } -Pipe (Csv "order_id,cancelReason`n$okOrder,bored")))

    # Hostile store files (15.2, 15.3, 15.8, 15.12): each run gets a fresh PANDAPON_CONFIG_DIR holding $store.
    $profileJson = '{"accessKey":"a","secretKey":"s","userId":"u"}'
    foreach ($file in @(
            @{ What = 'default and DEFAULT'; Text = '{"version":1,"profiles":{"default":' + $profileJson + ',"DEFAULT":' + $profileJson + '}}' }
            @{ What = 'the key default twice'; Text = '{"version":1,"profiles":{"default":' + $profileJson + ',"default":' + $profileJson + '}}' }
            @{ What = 'JSON cut off'; Text = '{"version":1,"profiles":{"default":' }
            @{ What = 'a JSON array'; Text = '[1,2,3]' }
            @{ What = 'binary garbage'; Text = "`0`u{1}`u{2}PK" }
            @{ What = 'a profile without a secret'; Text = '{"version":1,"profiles":{"default":{"accessKey":"a","userId":"u"}}}' }
            @{ What = 'a profile whose endpoint is ftp://'; Text = '{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"u","endpoint":"ftp://x"}}}' }
            @{ What = 'a profile whose user id holds a line break'; Text = '{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"1\r\n2"}}}' })) {
        $cases.Add((Bad "a store holding $($file.What), used by Get-PandaponRefund -ProfileName default" 'credentials.json' 'Get-PandaponRefund' @{ Text = $file.Text } -Run {
            param($Case)
            Use-Store -Text $Case.Arguments.Text { Get-PandaponRefund TQ21443713367004032 -ProfileName default }
        }))
    }
    $cases.Add((Bad 'Remove-PandaponCredential default from a store holding default and DEFAULT' 'credentials.json' 'Remove-PandaponCredential' @{} -Run {
        Use-Store -Text ('{"version":1,"profiles":{"default":{"accessKey":"a","secretKey":"s","userId":"u"},"DEFAULT":{"accessKey":"b","secretKey":"s","userId":"u"}}}') {
            Remove-PandaponCredential default -Force
        }
    }))
    $cases.Add((Bad 'Set-PandaponCredential -StoreAs through a dangling symbolic link' 'credentials.json' 'Set-PandaponCredential' @{} -UnixOnly -Run {
        Use-Store { param($store) $null = New-Item -ItemType SymbolicLink -Path $store -Target (Join-Path (Split-Path $store) 'moved/x.json'); Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs x }
    }))
    $cases.Add((Bad 'Set-PandaponCredential -StoreAs when credentials.json is a folder' 'credentials.json' 'Set-PandaponCredential' @{} -Run {
        Use-Store { param($store) $null = New-Item -ItemType Directory -Path $store; Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs x }
    }))
    $cases.Add((Bad 'Set-PandaponCredential -StoreAs when PANDAPON_CONFIG_DIR names a file' 'PANDAPON_CONFIG_DIR' 'Set-PandaponCredential' @{} -Run {
        Use-Store { param($store) Set-Content -Path $store -Value x; $env:PANDAPON_CONFIG_DIR = $store; Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs x }
    }))
    $cases.Add((Bad 'Set-PandaponCredential -StoreAs in a read-only folder' 'read-only' 'Set-PandaponCredential' @{} -UnixOnly -Run {
        Use-Store { param($store) Use-ReadOnlyFolder (Split-Path $store) { Set-PandaponCredential -AccessKey ak -SecretKey sk -UserId 1 -StoreAs x } }
    }))

    $BadCases = $cases.ToArray()

    # Valid inputs and files: each must be accepted (no error; a read writes its object).
    $valid = [System.Collections.Generic.List[hashtable]]::new()
    function Good([string]$Name, [scriptblock]$Run, [switch]$Reads, [switch]$UnixOnly) { @{ Name = $Name; Run = $Run; Reads = [bool]$Reads; UnixOnly = [bool]$UnixOnly } }
    $valid.Add((Good 'Get-PandaponRefund with a refund id as text' -Reads { Get-PandaponRefund $Ids.Refund }))
    $valid.Add((Good 'Get-PandaponRefund with a pasted id: spaces and a line break around it are trimmed' -Reads { Get-PandaponRefund " $($Ids.Refund)`r`n" }))
    $valid.Add((Good 'Get-PandaponRefund -TimeoutSec 0 (no limit) and -MaxRequestsPerSecond 0 (adaptive only)' -Reads { Get-PandaponRefund $Ids.Refund -TimeoutSec 0 -MaxRequestsPerSecond 0 }))
    $valid.Add((Good 'Get-PandaponRefund from [pscustomobject]@{RefundId=...} (how Import-Csv rows bind)' -Reads { [pscustomobject]@{ RefundId = $Ids.Refund } | Get-PandaponRefund }))
    $valid.Add((Good 'Get-PandaponRefund from -RefundId $table.RefundId' -Reads { $table = @{ RefundId = $Ids.Refund }; Get-PandaponRefund -RefundId $table.RefundId }))
    $valid.Add((Good 'Get-PandaponRefund from a CSV of Windows PowerShell 5.1 (UTF-8 BOM, CRLF, quoted header)' -Reads {
        $csv = Join-Path $TestDrive 'ps51.csv'
        [IO.File]::WriteAllText($csv, "`"RefundId`"`r`n`"$($Ids.Refund)`"`r`n", [Text.UTF8Encoding]::new($true))
        Import-Csv $csv | Get-PandaponRefund
    }))
    $valid.Add((Good 'Get-PandaponRefund from a CSV with an Id column and extra columns' -Reads {
        "Note,Id`r`nfirst,$($Ids.Refund)" | ConvertFrom-Csv | Get-PandaponRefund
    }))
    $valid.Add((Good 'Get-PandaponTaobaoRefund with a digits-only id' -Reads { Get-PandaponTaobaoRefund $Ids.Taobao }))
    $valid.Add((Good 'Get-PandaponTaobaoRefund with the id as a [long]' -Reads { Get-PandaponTaobaoRefund ([long]$Ids.Taobao) }))
    $valid.Add((Good 'Get-PandaponTaobaoRefund from a refund_id column' -Reads { [pscustomobject]@{ refund_id = $Ids.Taobao } | Get-PandaponTaobaoRefund }))
    $valid.Add((Good 'Get-PandaponOrder with an order id as text' -Reads { Get-PandaponOrder $Ids.Order }))
    $valid.Add((Good 'Get-PandaponOrder with the id as a [decimal]' -Reads { Get-PandaponOrder ([decimal]$Ids.Order) }))
    $valid.Add((Good 'Get-PandaponOrder from an order_id column' -Reads { [pscustomobject]@{ order_id = $Ids.Order } | Get-PandaponOrder }))
    $valid.Add((Good 'Get-PandaponOrder -First 1 -PageSize 100 -Status in another case' -Reads { Get-PandaponOrder -First 1 -PageSize 100 -Status WAITBUYERPAY }))
    $valid.Add((Good 'Get-PandaponOrder -CreatedAfter as text' -Reads { Get-PandaponOrder -CreatedAfter '2000-01-01' -First 1 }))
    $valid.Add((Good 'Get-PandaponRefund -Endpoint as a [uri]' -Reads { Get-PandaponRefund $Ids.Refund -Endpoint ([uri]$sandbox.endpoint) }))
    $valid.Add((Good 'Get-PandaponRefund -UserId as a number' -Reads { Get-PandaponRefund $Ids.Refund -UserId ([long]$sandbox.userId) }))
    $valid.Add((Good 'Invoke-PandaponRequest -Query with a list of scalars' -Reads { Invoke-PandaponRequest /alibaba/refund/info -Method POST -Query @{ refundId = $Ids.Refund; tags = @(1, 'b') } -Body @{ refundId = $Ids.Refund } }))
    $valid.Add((Good 'Invoke-PandaponRequest -Body as JSON text' -Reads { Invoke-PandaponRequest /alibaba/refund/info -Body "{`"refundId`":`"$($Ids.Refund)`"}" }))
    $valid.Add((Good 'New-PandaponRefund -WhatIf from a CSV of Windows PowerShell 5.1: BOM, CRLF, quoted headers, numbers as text, an empty optional amount' {
        $csv = Join-Path $TestDrive 'refunds51.csv'
        $text = "`"OrderId`",`"OrderEntryId`",`"DisputeRequest`",`"ApplyPayment`",`"ApplyCarriage`",`"ReasonId`",`"Description`",`"GoodsStatus`",`"Voucher`"`r`n" +
            "`"2019601700000000001`",`"2019601700000000002;2019601700000000003`",`"refund`",`"12.50`",`"`",`"20005`",`"测试退款申请`",`"refundWaitBuyerReceive`",`"https://img.example/a.jpg;https://img.example/b.jpg`"`r`n"
        [IO.File]::WriteAllText($csv, $text, [Text.UTF8Encoding]::new($true))
        Import-Csv $csv | New-PandaponRefund -WhatIf
    }))
    $valid.Add((Good 'New-PandaponRefund -WhatIf with an unquoted two-decimal amount and a [decimal]' {
        New-PandaponRefund 2019601700000000001 -OrderEntryId 2019601700000000002 -DisputeRequest 2 -ApplyPayment 12.5 -ApplyCarriage ([decimal]'0.30') -ReasonId 20005 -Description '测试退款申请' -GoodsStatus refundbuyerreceived -WhatIf
    }))
    $valid.Add((Good 'New-PandaponRefund -WhatIf with amounts written ¥12.50 and 0.30元' {
        New-PandaponRefund 2019601700000000001 -OrderEntryId 2019601700000000002 -DisputeRequest Refund -ApplyPayment '¥12.50' -ApplyCarriage '0.30元' -ReasonId 20005 -Description '测试退款申请' -GoodsStatus refundWaitBuyerReceive -WhatIf
    }))
    $valid.Add((Good 'Submit-PandaponReturnShipment -WhatIf from a CSV with the API column names' {
        "refundId,companyNo,freightBill,description,vouchers`r`nTQ21443713367004032,ZTO,7300123456,寄回,https://img.example/a.jpg;https://img.example/b.jpg" | ConvertFrom-Csv | Submit-PandaponReturnShipment -WhatIf
    }))
    $valid.Add((Good 'Stop-PandaponOrder -WhatIf with a reason in another case' { Stop-PandaponOrder 2019601700000000001 -Reason BUYERCANCEL -Remark 'no longer needed' -WhatIf }))
    $valid.Add((Good 'Send-PandaponTaobaoRefundMessage -WhatIf with images separated by ";"' { Send-PandaponTaobaoRefundMessage 3055123456789012 -Message hello -ImageUrl 'https://img.example/a.jpg;https://img.example/b.jpg' -WhatIf }))
    $valid.Add((Good 'Get-PandaponSignature with a numeric user id' -Reads { Get-PandaponSignature -AccessKey ak -SecretKey sk -UserId 42 -Nonce n1 -Timestamp 1700000000000 }))
    $valid.Add((Good 'a store with a UTF-8 BOM and CRLF (Windows PowerShell 5.1 Set-Content -Encoding UTF8), used by -ProfileName' -Reads {
        Use-Store { param($store)
            Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint -StoreAs bom
            $text = [IO.File]::ReadAllText($store) -replace "`r?`n", "`r`n"
            [IO.File]::WriteAllText($store, $text, [Text.UTF8Encoding]::new($true))
            Get-PandaponRefund $Ids.Refund -ProfileName BOM
        }
    }))
    $valid.Add((Good 'a store reached through a symbolic link: saved through and read back' -Reads -UnixOnly {
        Use-Store { param($store)
            $target = Join-Path $TestDrive ('linked-' + [Guid]::NewGuid().ToString('N') + '.json')
            Set-Content -Path $target -Value '{"version":1,"profiles":{}}'
            $null = New-Item -ItemType SymbolicLink -Path $store -Target $target
            Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint -StoreAs linked
            Get-PandaponRefund $Ids.Refund -ProfileName linked
        }
    }))
    $valid.Add((Good 'a store with unknown extra fields and a profile name in another case' -Reads {
        Use-Store { param($store)
            Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint -StoreAs Extra
            $json = Get-Content -Raw $store | ConvertFrom-Json
            $json | Add-Member NoteProperty comment 'hand-edited'
            $json | ConvertTo-Json -Depth 5 | Set-Content -Path $store
            Get-PandaponRefund $Ids.Refund -ProfileName extra
        }
    }))
    $ValidCases = $valid.ToArray()
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $sandbox = Get-TestSandbox
    Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
    $Ids = @{
        Refund = @(Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds" | ForEach-Object { $_ })[0]
        Order  = "$(@(Invoke-RestMethod "$($sandbox.endpoint)/sandbox/orders" | ForEach-Object { $_ })[0].orderId)"
        Taobao = "$(@(Invoke-RestMethod "$($sandbox.endpoint)/sandbox/taobao/refunds" | ForEach-Object { $_ })[0])"
    }
    $Tally = @{ Bad = 0; Refused = 0; ByPandapon = 0; ByOurTransformation = 0; ByBinder = 0; AcceptedWrongly = 0; Crashes = 0; Skipped = 0; Valid = 0; ValidAccepted = 0; Ids = @{} }
    $savedConfigDir = $env:PANDAPON_CONFIG_DIR

    function Get-Sent { (Get-SandboxStats $sandbox).total }

    function Use-Store {
        <# Runs $Action with PANDAPON_CONFIG_DIR set to a fresh folder (holding credentials.json with -Text when given); $Action gets the store's path. #>
        param([string]$Text, [Parameter(Mandatory, Position = 0)][scriptblock]$Action)
        $folder = New-TestConfigDirectory
        $store = Join-Path $folder 'credentials.json'
        if ($Text) { [IO.File]::WriteAllText($store, $Text) }
        $env:PANDAPON_CONFIG_DIR = $folder
        try { & $Action $store }
        finally {
            $env:PANDAPON_CONFIG_DIR = $savedConfigDir
            Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
        }
    }

    function Use-ReadOnlyFolder([string]$Folder, [scriptblock]$Action) {
        <# Root ignores a folder's mode: it gets a read-only tmpfs mounted there instead (skipped where it cannot mount). #>
        $mounted = $false
        if ((id -u) -eq '0') {
            mount -t tmpfs -o 'ro,size=64k' tmpfs $Folder 2>$null
            $mounted = $LASTEXITCODE -eq 0
            if (-not $mounted) { throw [System.NotSupportedException]::new('skip: root here can neither mount nor be stopped by a mode') }
        }
        else { chmod 555 $Folder }
        try { & $Action }
        finally {
            if ($mounted) { umount $Folder } else { chmod 755 $Folder }
        }
    }

    function Invoke-Case([hashtable]$Case) {
        <# Runs one case; returns its output, every error record (non-terminating ones as well) and what reached the sandbox. #>
        $before = Get-Sent
        $errors = [System.Collections.Generic.List[object]]::new()
        $output = @()
        try {
            $all = @(if ($Case.Run) { & $Case.Run $Case 2>&1 }
                elseif ($null -ne $Case.Pipe) { $splat = $Case.Arguments; $Case.Pipe | & $Case.Command @splat 2>&1 }
                else { $splat = $Case.Arguments; & $Case.Command @splat 2>&1 })
            foreach ($item in $all) { if ($item -is [System.Management.Automation.ErrorRecord]) { $errors.Add($item) } else { $output += $item } }
        }
        catch { $errors.Add($_) }
        [pscustomobject]@{ Output = $output; Errors = $errors.ToArray(); Sent = (Get-Sent) - $before }
    }

    # PowerShell's binder refusing a value before the cmdlet runs (a type it cannot convert, a ValidateSet or
    # ValidateRange, or our transformation's message inside): a refusal that names the parameter, not a crash.
    $binderIds = 'ParameterArgumentTransformationError', 'ParameterArgumentValidationError', 'ParameterArgumentValidationErrorEmptyStringNotAllowed',
        'ParameterArgumentValidationErrorNullNotAllowed', 'ParameterArgumentValidationErrorEmptyArrayNotAllowed', 'CannotConvertArgumentNoMessage', 'CannotConvertArgument',
        'InputObjectNotBound', 'ParameterBindingFailed', 'MissingMandatoryParameter', 'ScriptBlockArgumentNoInput', 'InputObjectMissingMandatory'

    # The Pandapon errors that come before anything is sent; any other (Network, Timeout, NotFound, PageFailed, an
    # outcome unknown...) means the input went out, even where the sandbox did not count it (another host, port 1).
    $refusalIds = 'Pandapon.InvalidArgument', 'Pandapon.InvalidOrderId', 'Pandapon.InvalidRefundId', 'Pandapon.InvalidProfileName', 'Pandapon.UserIdRequired',
        'Pandapon.ProfileNotFound', 'Pandapon.PathNotFound', 'Pandapon.NoCredentials', 'Pandapon.InvalidQuery', 'Pandapon.InvalidPath', 'Pandapon.InvalidMessage',
        'Pandapon.InvalidEnvironment', 'Pandapon.InvalidBody', 'Pandapon.CredentialStoreUnusable', 'Pandapon.BodyWithGet'

    function Get-Verdict($Case, $Result) {
        <# 'refused', or why not: 'accepted wrongly' (no error, or the request was sent), 'crash' (an error that is neither ours nor the binder's). #>
        if ($Result.Sent -gt 0) { return "accepted wrongly: $($Result.Sent) request(s) reached the sandbox; errors: $(@($Result.Errors | ForEach-Object { $_.FullyQualifiedErrorId }) -join '; ')" }
        if ($Result.Errors.Count -eq 0) { return 'accepted wrongly: no error' }
        $first = $Result.Errors[0]
        if ($first.Exception -is [System.NotSupportedException] -and $first.Exception.Message -like 'skip:*') { return 'skip' }
        $id = "$($first.FullyQualifiedErrorId)".Split(',')[0]
        $text = "$first"
        if ($id -notlike 'Pandapon.*' -and $id -notin $binderIds -or $id -eq 'Pandapon.UnexpectedError') { return "crash: $($first.FullyQualifiedErrorId): $text" }
        if ($id -like 'Pandapon.*' -and $id -notin $refusalIds) { return "accepted wrongly: the error came after sending: $($first.FullyQualifiedErrorId): $text" }
        $named = $Case.Parameter.TrimStart('-')
        if ($text -notlike "*$named*") { return "refused without naming ${named}: $($first.FullyQualifiedErrorId): $text" }
        if ($Case.Message -and $text -notlike $Case.Message) { return "refused, but the message is not like '$($Case.Message)': $text" }
        if ($Case.ErrorId -and $first.FullyQualifiedErrorId -ne $Case.ErrorId) { return "refused, but as $($first.FullyQualifiedErrorId), not $($Case.ErrorId)" }
        'refused'
    }
}

AfterAll {
    $env:PANDAPON_CONFIG_DIR = $savedConfigDir
    Clear-PandaponCredential
    Write-Host ("{0} bad inputs: {1} refused before sending, {2} accepted wrongly, {3} crashes; {4} valid inputs: {5} accepted" -f
        $Tally.Bad, $Tally.Refused, $Tally.AcceptedWrongly, $Tally.Crashes, $Tally.Valid, $Tally.ValidAccepted)
    Write-Host (("Of the refusals: {0} with a Pandapon.* ErrorId; {1} by PowerShell's binder with our message (a text parameter given an object: " +
        "ParameterArgumentTransformationError around Pandapon.Values.InvalidValueException); {2} by PowerShell's binder in its own words, naming the parameter " +
        "(a ValidateSet, a ValidateRange, a type it cannot convert, a missing column); {3} skipped") -f
        $Tally.ByPandapon, $Tally.ByOurTransformation, $Tally.ByBinder, $Tally.Skipped)
    Write-Host ('ErrorIds of the refusals: ' + (($Tally.Ids.GetEnumerator() | Sort-Object Value -Descending | ForEach-Object { "$($_.Key) $($_.Value)" }) -join ', '))
}

Describe 'Bad inputs are refused before sending, naming the parameter' {
    It '<Name>' -ForEach $BadCases {
        # Symbolic links need a privilege on Windows, and its read-only folders are another matter (as in Credentials.Tests.ps1).
        if ($UnixOnly -and $IsWindows) { $Tally.Skipped++; Set-ItResult -Skipped -Because 'a Unix file-system case'; return }
        $result = Invoke-Case $_
        $verdict = Get-Verdict $_ $result
        if ($verdict -eq 'skip') { $Tally.Skipped++; Set-ItResult -Skipped -Because $result.Errors[0].Exception.Message; return }
        $Tally.Bad++
        switch -Wildcard ($verdict) {
            'refused' {
                $Tally.Refused++
                $first = $result.Errors[0]
                $Tally.Ids["$($first.FullyQualifiedErrorId)".Split(',')[0]]++
                $inner = $first.Exception
                while ($inner -and $inner -isnot [Pandapon.Values.InvalidValueException]) { $inner = $inner.InnerException }
                if ("$($first.FullyQualifiedErrorId)" -like 'Pandapon.*') { $Tally.ByPandapon++ } elseif ($inner) { $Tally.ByOurTransformation++ } else { $Tally.ByBinder++ }
            }
            'accepted wrongly*' { $Tally.AcceptedWrongly++ }
            'crash*' { $Tally.Crashes++ }
        }
        $verdict | Should -Be 'refused' -Because $verdict
    }
}

Describe 'Valid inputs and files are accepted' {
    It '<Name>' -ForEach $ValidCases {
        if ($UnixOnly -and $IsWindows) { Set-ItResult -Skipped -Because 'a Unix file-system case'; return }
        $Tally.Valid++
        $result = Invoke-Case $_
        $problems = @($result.Errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
        if ($problems.Count -eq 0 -and (-not $Reads -or $result.Output.Count -gt 0)) { $Tally.ValidAccepted++ }
        $problems | Should -BeNullOrEmpty
        if ($Reads) { $result.Output.Count | Should -BeGreaterThan 0 }
    }
}

Describe 'The corpus' {
    It 'held at least 150 bad inputs and 20 valid ones' {
        $Tally.Bad + $Tally.Skipped | Should -BeGreaterOrEqual 150
        $Tally.Valid | Should -BeGreaterOrEqual 20
    }
}
