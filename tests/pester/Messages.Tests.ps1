# Message callbacks as users meet them (issue 14): ConvertFrom-PandaponMessage on the documented examples and on every
# type the sandbox pushes, Receive-PandaponMessage acknowledging, deduplicating and refusing hostile bodies, and the
# sandbox's pushes themselves. Sandboxes of this file's own, each pushing to a port of its own.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Get-FreePort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }
    $script:EventsPrefix = "http://127.0.0.1:$(Get-FreePort)/pandapon/"
    $script:BurstPrefix = "http://127.0.0.1:$(Get-FreePort)/pandapon/"
    $script:Sandboxes = Start-PandaponSandboxSet -Configuration $env:PANDAPON_TEST_CONFIGURATION -ArgumentLists @{
        events = @('--orders', '20', '--callback-url', $EventsPrefix, '--callback-retry-seconds', '4')
        burst  = @('--refunds', '10', '--callback-url', $BurstPrefix, '--callback-retry-seconds', '1')
    }
    $script:Events = $Sandboxes.events
    Set-PandaponCredential -AccessKey $Events.accessKey -SecretKey $Events.secretKey -UserId $Events.userId -Endpoint $Events.endpoint

    $script:PaySuccess = '{"messageType":"ORDER_PAY_SUCCESS","messageBody":"{\"orderId\":\"3305075341149134260\",\"orderNo\":\"PO202605200001\",\"orderStatus\":\"WAITING_FOR_SENT\",\"payStatus\":2,\"totalAmount\":10000,\"shippingFee\":500,\"productAmount\":9500,\"refundAmount\":0,\"refundStatus\":null,\"closeReason\":null,\"tbCreateTime\":\"2026-05-20 15:40:00\",\"payTime\":\"2026-05-20 15:41:00\"}","messagePlatform":1,"timestamp":"1779263269913"}'
    $script:China = [TimeSpan]::FromHours(8)
    $script:Http = [System.Net.Http.HttpClient]::new()
    $Http.Timeout = [TimeSpan]::FromSeconds(60)

    function Get-Messages($Sandbox) { Invoke-RestMethod "$($Sandbox.endpoint)/sandbox/messages" }

    function Start-Receiver([string]$Prefix, [hashtable]$Parameters = @{}) {
        <# Receive-PandaponMessage in a runspace of its own (as a console runs it), until Stop-Receiver: Stop() is
           what Ctrl+C does. Waits until the prefix answers (a GET gets 405). #>
        # One command, no batch of statements: a stopped batch would go on to its next statement after Dispose.
        $session = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        $session.ImportPSModule((Get-TestModulePath))
        $ps = [powershell]::Create($session)
        $null = $ps.AddCommand('Receive-PandaponMessage').AddParameter('Prefix', $Prefix)
        foreach ($k in $Parameters.Keys) { $null = $ps.AddParameter($k, $Parameters[$k]) }
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $noInput.Complete()   # else the cmdlet waits for pipeline input to end before it starts
        $handle = $ps.BeginInvoke($noInput, $output)
        $receiver = [pscustomobject]@{ PowerShell = $ps; Handle = $handle; Output = $output; Prefix = $Prefix }
        for ($i = 0; $i -lt 300; $i++) {
            if ($ps.InvocationStateInfo.State -in 'Failed', 'Completed') { throw "The receiver ended: $($ps.InvocationStateInfo.Reason) $($ps.Streams.Error)" }
            try {
                if ((Send-Body $Prefix $null -Method GET).Status -eq 405) { return $receiver }
            }
            catch { Start-Sleep -Milliseconds 100 }
        }
        throw "The receiver on $Prefix did not answer."
    }
    function Stop-Receiver($Receiver) {
        <# Stops it as Ctrl+C does and returns its error records (less the "pipeline has been stopped" that Stop adds). #>
        $Receiver.PowerShell.Stop()
        $Receiver.PowerShell.Streams.Error | Where-Object { $_.CategoryInfo.Category -ne 'OperationStopped' }
        $Receiver | Add-Member -NotePropertyName Warnings -NotePropertyValue @($Receiver.PowerShell.Streams.Warning)
        $Receiver.PowerShell.Dispose()
    }
    function Send-Body([string]$Url, $Body, [string]$Method = 'POST') {
        <# Posts a string (UTF-8) or bytes; returns the status. Throws when the connection fails. #>
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $Url)
        if ($null -ne $Body) {
            $bytes = if ($Body -is [byte[]]) { $Body } else { [Text.Encoding]::UTF8.GetBytes([string]$Body) }
            $request.Content = [System.Net.Http.ByteArrayContent]::new($bytes)
            $request.Content.Headers.ContentType = 'application/json'
        }
        $response = $Http.SendAsync($request).GetAwaiter().GetResult()
        try { [pscustomobject]@{ Status = [int]$response.StatusCode } } finally { $response.Dispose(); $request.Dispose() }
    }
    function Wait-Until([scriptblock]$Condition, [int]$Seconds = 120, [string]$What) {
        <# Polls $Condition. Use .Count on a running receiver's collections: enumerating one (@(...)) waits for its end. #>
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Gave up waiting for $What." }
            Start-Sleep -Milliseconds 200
        }
    }
}

AfterAll {
    Clear-PandaponCredential
    $Http.Dispose()
    $Sandboxes.Values | Stop-PandaponSandbox
}

Describe 'ConvertFrom-PandaponMessage' {
    It 'reads the documented 1688 example, whose body is a string: amounts in yuan, times in China time' {
        $m = $PaySuccess | ConvertFrom-PandaponMessage -WarningVariable warnings -ErrorAction Stop
        $m | Should -BeOfType ([Pandapon.Models.OrderMessage])
        $m.MessageType | Should -Be 'ORDER_PAY_SUCCESS'
        $m.Platform | Should -Be 'Alibaba1688'
        $m.OrderId | Should -Be '3305075341149134260'
        $m.OrderStatus | Should -Be 'WAITING_FOR_SENT'
        $m.TotalAmount | Should -BeOfType ([decimal])
        $m.TotalAmount.ToString([cultureinfo]::InvariantCulture) | Should -Be '100.00'
        $m.ShippingFee | Should -Be 5
        $m.PayTime | Should -Be ([DateTimeOffset]::new(2026, 5, 20, 15, 41, 0, $China))
        $m.SentAt | Should -Be ([DateTimeOffset]::FromUnixTimeMilliseconds(1779263269913))
        $m.MessageId | Should -Match '^[0-9a-f]{64}$'
        $warnings | Should -BeNullOrEmpty
    }

    It 'takes the same message as a hashtable, a PSCustomObject, $WebhookData (object or JSON text) and bytes, with one MessageId' {
        $envelope = $PaySuccess | ConvertFrom-Json
        $objectBody = [ordered]@{ messageType = 'ORDER_PAY_SUCCESS'; messagePlatform = 1; timestamp = 1779263269999; messageBody = ($envelope.messageBody | ConvertFrom-Json) }
        $webhook = [pscustomobject]@{ WebhookName = 'pandapon'; RequestBody = $PaySuccess; RequestHeader = @{ 'Content-Type' = 'application/json' } }
        $inputs = @(
            $objectBody
            [pscustomobject]$objectBody
            $webhook
            ($webhook | ConvertTo-Json -Compress)
            , [Text.Encoding]::UTF8.GetBytes($PaySuccess)
        )
        $expected = ($PaySuccess | ConvertFrom-PandaponMessage).MessageId
        foreach ($item in $inputs) {
            $m = ConvertFrom-PandaponMessage -InputObject $item -ErrorAction Stop
            $m.OrderId | Should -Be '3305075341149134260'
            $m.MessageId | Should -Be $expected
        }
    }

    It 'reads an array of messages, and files of one message, an array or JSON Lines' {
        $dir = Join-Path $TestDrive 'messages'
        $null = New-Item -ItemType Directory $dir
        Set-Content "$dir/one.json" $PaySuccess
        Set-Content "$dir/array.json" "[$PaySuccess,$PaySuccess]"
        Set-Content "$dir/lines.jsonl" "$PaySuccess`n`n$PaySuccess`n$PaySuccess"
        @("[$PaySuccess,$PaySuccess]" | ConvertFrom-PandaponMessage).Count | Should -Be 2
        @(ConvertFrom-PandaponMessage -Path "$dir/*.json*" -ErrorAction Stop).Count | Should -Be 6
        @(Get-ChildItem $dir | ConvertFrom-PandaponMessage -ErrorAction Stop).Count | Should -Be 6
    }

    It 'writes a Message with the body as PowerShell objects for a type it does not know' {
        $m = '{"messageType":"LOGISTICS_NEW_THING","messageBody":"{\"trace\":{\"no\":\"SF1\"},\"n\":12345678901234567890}","messagePlatform":0,"timestamp":1779263269913}' |
            ConvertFrom-PandaponMessage -ErrorAction Stop
        $m | Should -BeOfType ([Pandapon.Models.Message])
        $m.Platform | Should -Be 'Taobao'
        $m.Body.trace.no | Should -Be 'SF1'
        $m.Body.n | Should -Be ([decimal]'12345678901234567890')
    }

    It 'keeps a message whose field cannot be read: one warning names the field, UnreadFields keeps the text' {
        $bad = $PaySuccess.Replace('\"totalAmount\":10000', '\"totalAmount\":\"一百元\"')
        $m = $bad | ConvertFrom-PandaponMessage -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop
        $m.TotalAmount | Should -BeNullOrEmpty
        $m.ShippingFee | Should -Be 5
        $m.UnreadFields['totalAmount'] | Should -Be '一百元'
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Be 'OrderMessage ORDER_PAY_SUCCESS 3305075341149134260: 1 field could not be read and is empty: totalAmount "一百元".'
    }

    It 'writes one error per body that is not a message, showing its beginning, and goes on with the next' {
        $inputs = @('not json at all', '{"messageType":"ORDER_CREATE","messageBody":42,"messagePlatform":1}', $PaySuccess, '{"messageType":"X","messageBody":{},"messagePlatform":9}')
        $out = $inputs | ConvertFrom-PandaponMessage -ErrorVariable errors -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        @($errors).Count | Should -Be 3
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidMessage,*' }
        "$($errors[0])" | Should -BeLike '*not JSON*not json at all*'
        "$($errors[1])" | Should -BeLike '*messageBody is a number (42)*'
        "$($errors[2])" | Should -BeLike '*messagePlatform 9 is not 0 (Taobao) or 1 (1688)*'
        $errors[0].TargetObject | Should -Be 'not json at all'
    }

    It 'exports flat to CSV: no cell holds a .NET type name' {
        $csv = $PaySuccess | ConvertFrom-PandaponMessage | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $csv.TotalAmount | Should -Be '100.00'
        $csv.PSObject.Properties.Value | Where-Object { $_ -match '^(System|Pandapon)\.' } | Should -BeNullOrEmpty
    }
}

Describe 'The sandbox pushes' {
    It 'a refund opened, agreed and shipped back as three messages that convert and pipe into Get-PandaponRefund' {
        $order = @(Invoke-RestMethod "$($Events.endpoint)/sandbox/orders") | ForEach-Object { $_ } |
            Where-Object { $_.status -eq 'waitbuyerreceive' -and $_.buyerIsCaller } | Select-Object -First 1
        $entry = $order.entries[0]
        $created = New-PandaponRefund $order.orderId -OrderEntryId $entry.entryId -DisputeRequest ReturnRefund -ApplyPayment ([decimal]$entry.amount / 100) `
            -ReasonId 20026 -Description '7天无理由退货' -GoodsStatus refundBuyerReceived -Force
        $null = Invoke-RestMethod -Method Post "$($Events.endpoint)/sandbox/refunds/$($created.RefundId)/agree"
        $null = $created | Submit-PandaponReturnShipment -LogisticsCompanyNo YTO -FreightBill YT1234567890123

        $pushed = @((Get-Messages $Events).messages | Where-Object event -like 'refund*')
        @($pushed.event) | Should -Be @('refundOpened', 'refundAgreed', 'refundShippedBack')
        @($pushed.bodyForm | Sort-Object -Unique) | Should -Be @('object', 'string')

        $messages = $pushed.envelope | ConvertFrom-PandaponMessage -ErrorAction Stop
        @($messages.RefundAction) | Should -Be @('BUYER_APPLY_REFUND', 'SELLER_AGREE_REFUND', 'BUYER_SEND_GOODS')
        @($messages.CurrentStatus) | Should -Be @('waitselleragree', 'waitbuyersend', 'waitsellerreceive')
        @($messages.MessageId | Sort-Object -Unique).Count | Should -Be 3

        $refunds = $messages | Where-Object RefundId | Get-PandaponRefund -ErrorAction Stop
        @($refunds).Count | Should -Be 3
        $refunds | ForEach-Object { $_.RefundId | Should -Be $created.RefundId; $_.Status | Should -Be 'waitsellerreceive' }
    }

    It 're-pushes what no receiver acknowledged, and the receiver writes each message once' {
        # The refund messages above had no receiver (each first push refused); re-pushed every 4 s (5 times), they
        # arrive now, each once.
        $receiver = Start-Receiver $EventsPrefix
        try {
            Wait-Until { (Get-Messages $Events).pending -eq 0 } -What 'the re-pushes'
        }
        finally { $errors = Stop-Receiver $receiver }
        $list = Get-Messages $Events
        $errors | Should -BeNullOrEmpty
        $delivered = @($list.messages | Where-Object state -eq 'acknowledged')
        $delivered.Count | Should -BeGreaterThan 0
        $delivered | ForEach-Object { $_.attempts | Should -BeGreaterThan 1 }
        @($receiver.Output.MessageId | Sort-Object -Unique).Count | Should -Be @($receiver.Output).Count
        @($receiver.Output).Count | Should -Be $delivered.Count
    }
}

Describe 'Receive-PandaponMessage' {
    It 'converts every type the sandbox pushes, both body forms, with no error and no warning' {
        $burst = $Sandboxes.burst
        $receiver = Start-Receiver $BurstPrefix
        try {
            $null = Invoke-RestMethod -Method Post "$($burst.endpoint)/sandbox/messages/burst" -Body '{"count":500,"rate":200,"seed":7}' -ContentType 'application/json'
            Wait-Until { $l = Get-Messages $burst; $l.pushed -ge 500 -and $l.pending -eq 0 } -What 'the burst to be delivered'
        }
        finally { $errors = Stop-Receiver $receiver }
        $list = Get-Messages $burst
        $warnings = $receiver.Warnings

        # every push acknowledged (after re-pushes, if a noisy machine missed the 1,000 ms once), none given up
        $list.acknowledged | Should -Be 500
        $list.failed | Should -Be 0
        # the pipeline got each message exactly once: the sandbox's distinct ids, no more, no fewer, none twice
        $expected = @($list.messages.envelope | ConvertFrom-PandaponMessage -ErrorAction Stop | ForEach-Object MessageId | Sort-Object -Unique)
        $got = @($receiver.Output | ForEach-Object MessageId)
        @($list.messages | Where-Object { $null -ne $_.repeatOf }).Count | Should -BeGreaterThan 0
        $expected.Count | Should -BeLessThan 500
        $got.Count | Should -Be $expected.Count
        @($got | Sort-Object -Unique) | Should -Be $expected
        $errors | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty

        # every type the sandbox knows came, in both forms, as the model its type calls for
        $models = @{
            ORDER_CREATE = 'OrderMessage'; ORDER_PAY_SUCCESS = 'OrderMessage'; ORDER_CANCEL = 'OrderMessage'
            ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY = 'PriceChangeMessage'; '1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY' = 'PriceChangeMessage'
            TAOBAO_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY = 'PriceChangeMessage'; ORDER_BUYER_VIEW_ORDER_BUYER_REFUND = 'RefundMessage'
            TAOBAO_ORDER_BUYER_VIEW_ORDER_STATUS_MODIFY = 'OrderMessage'; TAOBAO_ORDER_BUYER_VIEW_ORDER_REFUND = 'RefundMessage'
            SANDBOX_UNKNOWN_EVENT = 'Message'; ORDER_BUYER_VIEW_ORDER_PAY = 'OrderMessage'; ORDER_BUYER_VIEW_ANNOUNCE_SENDGOODS = 'OrderMessage'
            ORDER_BUYER_VIEW_PART_PART_SENDGOODS = 'OrderMessage'; ORDER_BUYER_VIEW_ORDER_COMFIRM_RECEIVEGOODS = 'OrderMessage'
            ORDER_BUYER_VIEW_ORDER_SUCCESS = 'OrderMessage'; ORDER_BUYER_VIEW_ORDER_BUYER_CLOSE = 'OrderMessage'
            ORDER_BUYER_VIEW_ORDER_SELLER_CLOSE = 'OrderMessage'; ORDER_BUYER_VIEW_ORDER_BOPS_CLOSE = 'OrderMessage'; ORDER_BATCH_PAY = 'OrderMessage'
            ORDER_BUYER_VIEW_ORDER_BUYER_REFUND_IN_SALES = 'RefundMessage'; ORDER_BUYER_VIEW_ORDER_REFUND_AFTER_SALES = 'RefundMessage'
        }
        @($list.messages.messageType | Sort-Object -Unique) | Should -Be @($models.Keys | Sort-Object)
        foreach ($type in $models.Keys) {
            @($list.messages | Where-Object messageType -eq $type | ForEach-Object bodyForm | Sort-Object -Unique) | Should -Be @('object', 'string') -Because $type
        }
        foreach ($m in $receiver.Output) {
            $m.GetType().Name | Should -Be $models[$m.MessageType] -Because $m.MessageType
            $m.SentAt | Should -Not -BeNullOrEmpty
            switch ($m.GetType().Name) {
                'OrderMessage' { $m.OrderId | Should -Match '^\d{19}$'; $m.OrderStatus | Should -Not -BeNullOrEmpty }
                'RefundMessage' { $m.RefundId | Should -Not -BeNullOrEmpty; $m.RefundAction | Should -Not -BeNullOrEmpty; $m.MsgSendTime.Offset | Should -Be $China }
                'PriceChangeMessage' {
                    $m.OrderId | Should -Match '^\d{13,19}$'
                    # the flat body has amounts and no lines; the buyer view and Taobao's body list their lines
                    if ($m.MessageType -eq 'ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY') { $m.TotalAmount | Should -BeGreaterThan 0 } else { $m.LineCount | Should -BeGreaterThan 0 }
                }
                'Message' { $m.Body.eventId | Should -BeGreaterThan 0 }
            }
        }
        $paid = @($receiver.Output | Where-Object MessageType -eq ORDER_PAY_SUCCESS)[0]
        $paid.TotalAmount | Should -Be ($paid.ProductAmount + $paid.ShippingFee)
    }

    It 'answers <Expected> to <Name>, writes an error record, and keeps running' -ForEach @(
        @{ Name = 'truncated JSON'; Body = '{"messageType":"ORDER_CREATE","messageBody":{"orderId":"1"'; Expected = 400 }
        @{ Name = 'a bare string'; Body = '"ORDER_CREATE"'; Expected = 400 }
        @{ Name = 'a number'; Body = '42'; Expected = 400 }
        @{ Name = 'an array'; Body = '[{"messageType":"ORDER_CREATE"}]'; Expected = 400 }
        @{ Name = 'null'; Body = 'null'; Expected = 400 }
        @{ Name = 'an empty object'; Body = '{}'; Expected = 400 }
        @{ Name = 'white space only'; Body = "   `n  "; Expected = 400 }
        @{ Name = 'text, not JSON'; Body = 'hello'; Expected = 400 }
        @{ Name = 'XML'; Body = '<xml><messageType>ORDER_CREATE</messageType></xml>'; Expected = 400 }
        @{ Name = 'form encoding'; Body = 'messageType=ORDER_CREATE&messagePlatform=1'; Expected = 400 }
        @{ Name = 'messageBody a number'; Body = '{"messageType":"ORDER_CREATE","messageBody":42,"messagePlatform":1,"timestamp":"1"}'; Expected = 400 }
        @{ Name = 'messageBody true'; Body = '{"messageType":"ORDER_CREATE","messageBody":true,"messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageBody null'; Body = '{"messageType":"ORDER_CREATE","messageBody":null,"messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageBody an array'; Body = '{"messageType":"ORDER_CREATE","messageBody":[1,2],"messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageBody missing'; Body = '{"messageType":"ORDER_CREATE","messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageBody a string that is not JSON'; Body = '{"messageType":"ORDER_CREATE","messageBody":"orderId=1","messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageBody a string holding a number'; Body = '{"messageType":"ORDER_CREATE","messageBody":"42","messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageBody a string holding truncated JSON'; Body = '{"messageType":"ORDER_CREATE","messageBody":"{\"orderId\":","messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageType missing'; Body = '{"messageBody":{},"messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageType a number'; Body = '{"messageType":7,"messageBody":{},"messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageType an object'; Body = '{"messageType":{"a":1},"messageBody":{},"messagePlatform":1}'; Expected = 400 }
        @{ Name = 'messageType empty'; Body = '{"messageType":"  ","messageBody":{},"messagePlatform":1}'; Expected = 400 }
        @{ Name = 'an unknown platform'; Body = '{"messageType":"ORDER_CREATE","messageBody":{},"messagePlatform":2}'; Expected = 400 }
        @{ Name = 'a platform name'; Body = '{"messageType":"ORDER_CREATE","messageBody":{},"messagePlatform":"TMALL"}'; Expected = 400 }
        @{ Name = 'a negative platform'; Body = '{"messageType":"ORDER_CREATE","messageBody":{},"messagePlatform":-1}'; Expected = 400 }
        @{ Name = 'platform missing'; Body = '{"messageType":"ORDER_CREATE","messageBody":{}}'; Expected = 400 }
        @{ Name = 'deep nesting (10,000 levels)'; Body = '{"messageType":"X","messagePlatform":1,"messageBody":' + ('[' * 10000) + (']' * 10000) + '}'; Expected = 400 }
        @{ Name = 'deep nesting inside a string body'; Body = '{"messageType":"X","messagePlatform":1,"messageBody":"' + ('[' * 200) + (']' * 200) + '"}'; Expected = 400 }
        @{ Name = 'invalid UTF-8'; Bytes = [byte[]](0x7B, 0x22, 0x6D, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D); Expected = 400 }
        @{ Name = 'a lone UTF-8 continuation byte in a string'; Bytes = [Text.Encoding]::UTF8.GetBytes('{"messageType":"ORDER_CREATE","messageBody":{"a":"') + [byte[]](0x80) + [Text.Encoding]::UTF8.GetBytes('"},"messagePlatform":1}'); Expected = 400 }
        @{ Name = 'UTF-16 text'; Bytes = [Text.Encoding]::Unicode.GetBytes('{"messageType":"ORDER_CREATE","messageBody":{},"messagePlatform":1}'); Expected = 400 }
        @{ Name = 'a 10 MB body'; Body = '{"messageType":"ORDER_CREATE","messagePlatform":1,"messageBody":{"x":"' + ('x' * 10MB) + '"}}'; Expected = 413 }
        @{ Name = '1 MiB and one byte'; Body = ' ' * (1MB + 1); Expected = 413 }
    ) {
        if (-not $script:Hostile) {
            $script:Hostile = Start-Receiver "http://127.0.0.1:$(Get-FreePort)/pandapon/"
        }
        $before = $Hostile.PowerShell.Streams.Error.Count
        $payload = if ($_.ContainsKey('Bytes')) { $Bytes } else { $Body }
        (Send-Body $Hostile.Prefix $payload).Status | Should -Be $Expected
        Wait-Until { $Hostile.PowerShell.Streams.Error.Count -gt $before } -Seconds 30 -What 'the error record'
        $record = $Hostile.PowerShell.Streams.Error[$before]
        $record.FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidMessage*'
        "$record" | Should -BeLike 'Not a PandaPon message: *'
        "$record".Length | Should -BeLessThan 800
        $Hostile.PowerShell.InvocationStateInfo.State | Should -Be 'Running'
        (Send-Body $Hostile.Prefix $PaySuccess).Status | Should -Be 200
    }

    It 'wrote nothing for the hostile bodies but the good message after each, once; 405 to other methods' {
        (Send-Body $Hostile.Prefix $null -Method PUT).Status | Should -Be 405
        (Send-Body $Hostile.Prefix $null -Method DELETE).Status | Should -Be 405
        $errors = Stop-Receiver $Hostile
        @($errors).Count | Should -Be 33
        @($Hostile.Output).Count | Should -Be 1
        $Hostile.Output[0].OrderId | Should -Be '3305075341149134260'
    }

    It 'writes a re-pushed message once, twice with -NoDeduplicate, and stops after -Count' {
        $prefix = "http://127.0.0.1:$(Get-FreePort)/pandapon/"
        $asObject = $PaySuccess.Replace('"messageBody":"', '"messageBody":').Replace('}","messagePlatform"', '},"messagePlatform"').Replace('\"', '"')
        $receiver = Start-Receiver $prefix
        (Send-Body $prefix $PaySuccess).Status | Should -Be 200
        (Send-Body $prefix $asObject).Status | Should -Be 200
        (Send-Body $prefix $PaySuccess.Replace('ORDER_PAY_SUCCESS', 'ORDER_CREATE')).Status | Should -Be 200
        Wait-Until { $receiver.Output.Count -ge 2 } -What 'two messages'
        $null = Stop-Receiver $receiver
        @($receiver.Output.MessageType) | Should -Be @('ORDER_PAY_SUCCESS', 'ORDER_CREATE')

        $receiver = Start-Receiver $prefix @{ NoDeduplicate = $true; Count = 2 }
        (Send-Body $prefix $PaySuccess).Status | Should -Be 200
        (Send-Body $prefix $asObject).Status | Should -Be 200
        Wait-Until { $receiver.Handle.IsCompleted } -What 'the receiver to stop after -Count 2'
        $null = Stop-Receiver $receiver
        @($receiver.Output).Count | Should -Be 2
        $receiver.Output[0].MessageId | Should -Be $receiver.Output[1].MessageId
    }

    It 'frees the port when stopped (Ctrl+C) or timed out: the next receiver listens on the same port' {
        $prefix = "http://127.0.0.1:$(Get-FreePort)/pandapon/"
        $null = Stop-Receiver (Start-Receiver $prefix)
        $null = Stop-Receiver (Start-Receiver $prefix)
        $out = Receive-PandaponMessage -Prefix $prefix -Timeout 1 -ErrorAction Stop
        $out | Should -BeNullOrEmpty
        $out = Receive-PandaponMessage -Prefix $prefix -Timeout 1 -ErrorAction Stop
        $out | Should -BeNullOrEmpty
        $receiver = Start-Receiver $prefix
        (Send-Body $prefix $PaySuccess).Status | Should -Be 200
        Wait-Until { $receiver.Output.Count -ge 1 } -What 'the message'
        $null = Stop-Receiver $receiver
    }

    It 'says the port is taken when it is, and refuses a non-loopback prefix without -AllowRemote before listening' {
        $taken = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $taken.Start()
        try {
            { Receive-PandaponMessage -Prefix "http://127.0.0.1:$($taken.LocalEndpoint.Port)/p/" -Timeout 1 -ErrorAction Stop } |
                Should -Throw -ErrorId 'Pandapon.ListenFailed,Pandapon.Commands.ReceivePandaponMessageCommand'
        }
        finally { $taken.Stop() }
        $e = { Receive-PandaponMessage -Prefix 'http://+:8080/pandapon/' -Timeout 1 } | Should -Throw -PassThru
        $e.FullyQualifiedErrorId | Should -BeLike 'Pandapon.InvalidArgument*'
        "$e" | Should -BeLike "-Prefix 'http://+:8080/pandapon/' is not valid*-AllowRemote*"
        { Receive-PandaponMessage -Prefix 'https://127.0.0.1:8443/' -Timeout 1 } | Should -Throw '*use http://*'
    }
}
