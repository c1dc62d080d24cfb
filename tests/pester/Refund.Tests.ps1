BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $sandbox = Get-TestSandbox
    $configuration = $env:PANDAPON_TEST_CONFIGURATION
    $ids = Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds"   # one JSON array, not enumerated
    Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
    $work = Join-Path ([IO.Path]::GetTempPath()) ("pandapon-refund-tests-" + [Guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work

    function Get-RawRefund([string]$Id) {
        <# The refund as the sandbox sends it, through a different path than the typed cmdlet. #>
        Invoke-PandaponRequest /alibaba/refund/info -Body @{ refundId = $Id } -Idempotent
    }
    function ConvertFrom-Fen($Fen) { if ($null -eq $Fen) { $null } else { [decimal]$Fen / 100 } }
}

AfterAll {
    Clear-PandaponCredential
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'Get-PandaponRefund' {
    Context 'one refund' {
        It 'returns a typed Refund whose fields match what the API sent, converted' {
            $raw = Get-RawRefund $ids[0]
            $refund = Get-PandaponRefund $ids[0]
            $refund | Should -BeOfType ([Pandapon.Models.Refund])
            $refund.RefundId | Should -Be $raw.refundId
            $refund.OrderId | Should -BeOfType [string]
            $refund.OrderId | Should -Be $raw.orderId.ToString([cultureinfo]::InvariantCulture)
            $refund.OrderId | Should -Match '^\d{19}$'
            $refund.Status | Should -Be $raw.status
            $refund.ApplyPayment | Should -BeOfType [decimal]
            $refund.ApplyPayment | Should -Be (ConvertFrom-Fen $raw.applyPayment)
            $refund.RefundPayment | Should -Be (ConvertFrom-Fen $raw.refundPayment)
            $refund.CanRefundPayment | Should -Be (ConvertFrom-Fen $raw.canRefundPayment)
            $refund.Currency | Should -Be 'CNY'
            $expectedApply = [DateTimeOffset]::ParseExact($raw.gmtApply, 'yyyyMMddHHmmssfffzzz', [cultureinfo]::InvariantCulture)
            $refund.GmtApply | Should -Be $expectedApply
            $refund.GmtApply.Offset | Should -Be ([TimeSpan]::FromHours(8))
            $refund.ProductName | Should -Be $raw.productName
            @($refund.RefundOperationList).Count | Should -Be @($raw.refundOperationList).Count
        }

        It 'reads the created and updated times as China time' {
            $raw = Get-RawRefund $ids[1]
            $refund = Get-PandaponRefund $ids[1]
            $refund.CreateTime | Should -Be ([DateTimeOffset]::ParseExact("$($raw.createTime) +08:00", 'yyyy-MM-dd HH:mm:ss zzz', [cultureinfo]::InvariantCulture))
        }

        It 'gives the history as rows with -ExpandProperty, newest first, and a readable summary' {
            $refund = Get-PandaponRefund $ids[0]
            $operations = @($refund | Select-Object -ExpandProperty RefundOperationList)
            $operations.Count | Should -BeGreaterThan 0
            $operations[0] | Should -BeOfType ([Pandapon.Models.RefundOperation])
            $operations[0].AfterOperateStatus | Should -Be $refund.Status
            "$($refund.RefundOperationList.ToString())" | Should -Match "^\d+ operations?, last: $($refund.Status) \d{4}-\d{2}-\d{2} \d{2}:\d{2}$"
        }

        It 'emits the data exactly as sent with -Raw' {
            $raw = Get-PandaponRefund $ids[2] -Raw
            $raw | Should -BeOfType [pscustomobject]
            $raw.refundId | Should -Be $ids[2]
            $raw.applyPayment | Should -Be (Get-RawRefund $ids[2]).applyPayment
            $raw.gmtApply | Should -Match '^\d{17}\+0800$'
        }

        It 'reads the awkward but legal records the sandbox serves (numbers as strings, history as a string, extra and missing fields)' {
            $awkward = $ids | Where-Object { $_ -like 'TQ1000000000000000*' }
            $awkward.Count | Should -Be 4
            $refunds = @($awkward | Get-PandaponRefund -ErrorVariable errs)
            $errs | Should -BeNullOrEmpty
            $refunds.RefundId | Should -Be $awkward
            $refunds[0].OrderId | Should -Match '^\d{19}$'
            $refunds[0].ApplyPayment | Should -Be (ConvertFrom-Fen (Get-RawRefund $awkward[0]).applyPayment)
            @($refunds[1].RefundOperationList).Count | Should -BeGreaterThan 0
        }

        It 'shows the default table with the documented columns' {
            $table = Get-PandaponRefund $ids[0] | Format-Table | Out-String -Width 250
            $header = ($table -split "`n" | Where-Object { $_ -match 'RefundId' } | Select-Object -First 1)
            $header -split '\s+' | Where-Object { $_ } | Should -Be @('RefundId', 'OrderId', 'Status', 'ApplyPayment', 'RefundPayment', 'GmtApply', 'ProductName')
        }
    }

    Context 'batches' {
        It 'keeps the order of the ids with -ThrottleLimit 8' {
            $some = $ids[0..299]
            $refunds = @($some | Get-PandaponRefund -ThrottleLimit 8)
            $refunds.Count | Should -Be 300
            $refunds.RefundId | Should -Be $some
        }

        It 'takes the ids as an array by parameter too' {
            (Get-PandaponRefund -RefundId $ids[5], $ids[6]).RefundId | Should -Be @($ids[5], $ids[6])
        }

        It 're-reads refunds piped from an earlier call (RefundId wins over the API''s own row Id)' {
            (Get-PandaponRefund $ids[13], $ids[14] | Get-PandaponRefund).RefundId | Should -Be $ids[13..14]
        }

        It 'binds by property name from RefundId, refundId and Id' {
            $rows = @(
                [pscustomobject]@{ refundId = $ids[10] }
                [pscustomobject]@{ RefundId = $ids[11] }
                [pscustomobject]@{ Id = $ids[12] }
            )
            ($rows | Get-PandaponRefund).RefundId | Should -Be $ids[10..12]
        }

        It 'survives a CSV round trip: the same ids, yuan amounts and dates, and no type name in any cell' {
            $idsCsv = Join-Path $work 'ids.csv'
            $refundsCsv = Join-Path $work 'refunds.csv'
            $some = $ids[0..49] + ($ids | Where-Object { $_ -like 'TQ1000000000000000*' })
            $some | ForEach-Object { [pscustomobject]@{ refundId = $_ } } | Export-Csv $idsCsv -NoTypeInformation

            Import-Csv $idsCsv | Get-PandaponRefund | Export-Csv $refundsCsv -NoTypeInformation
            $rows = @(Import-Csv $refundsCsv)

            $rows.RefundId | Should -Be $some
            foreach ($row in $rows) {
                foreach ($property in $row.PSObject.Properties) {
                    $property.Value | Should -Not -Match '^(System|Pandapon)\.[A-Za-z.]+(\[\])?$' -Because "cell $($property.Name) of $($row.RefundId)"
                }
            }
            foreach ($i in 0, 7, 49) {
                $raw = Get-RawRefund $some[$i]
                [decimal]::Parse($rows[$i].ApplyPayment, [cultureinfo]::InvariantCulture) | Should -Be (ConvertFrom-Fen $raw.applyPayment)
                [DateTimeOffset]::Parse($rows[$i].GmtApply, [cultureinfo]::CurrentCulture) |
                    Should -Be ([DateTimeOffset]::ParseExact($raw.gmtApply.Substring(0, 14) + $raw.gmtApply.Substring(17), 'yyyyMMddHHmmsszzz', [cultureinfo]::InvariantCulture))
                $rows[$i].OrderId | Should -Be $raw.orderId.ToString([cultureinfo]::InvariantCulture)
                $rows[$i].RefundOperationList | Should -Match '^\d+ operations?, last: '
            }
        }

        It 'writes an error for an unknown id, with code, msg and requestId, while the others arrive in order' {
            $input = @($ids[20], 'TQ00000000000000000', $ids[21])
            $refunds = @($input | Get-PandaponRefund -ErrorVariable errs -ErrorAction SilentlyContinue)
            $refunds.RefundId | Should -Be @($ids[20], $ids[21])
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'Pandapon.NotFound,Pandapon.Commands.GetPandaponRefundCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].TargetObject | Should -Be 'TQ00000000000000000'
            $errs[0].Exception.Code | Should -Be 40401
            $errs[0].Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
            $errs[0].Exception.Message | Should -BeLike "*code 40401*refund not found: TQ00000000000000000*requestId $($errs[0].Exception.RequestId)*"
        }

        It 'stops at the first error with -ErrorAction Stop' {
            $seen = [System.Collections.Generic.List[object]]::new()
            { $ids[30], 'TQ00000000000000000', $ids[31] | Get-PandaponRefund -ThrottleLimit 1 -ErrorAction Stop | ForEach-Object { $seen.Add($_) } } |
                Should -Throw -ExpectedMessage '*40401*'
            $seen.RefundId | Should -Be @($ids[30])
        }

        It 'refuses bad ids before any request, naming the value, and goes on with the good ones' {
            $before = Get-SandboxStats $sandbox
            $bad = @('', '   ', 'TQ 1', "TQ`t2", "TQ`a3", ('TQ' + '9' * 63))
            $refunds = @(($bad + $ids[40]) | Get-PandaponRefund -ErrorVariable errs -ErrorAction SilentlyContinue)
            $after = Get-SandboxStats $sandbox

            $refunds.RefundId | Should -Be @($ids[40])
            $errs.Count | Should -Be $bad.Count
            $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'Pandapon.InvalidRefundId,Pandapon.Commands.GetPandaponRefundCommand' }
            $errs | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidArgument' }
            $errs[2].Exception.Message | Should -BeLike "*-RefundId 'TQ 1'*white space*"
            $errs[4].Exception.Message | Should -BeLike "*-RefundId 'TQ\u0007*'*control character*"
            $errs[5].Exception.Message | Should -BeLike '*65 characters*64*'
            $errs.TargetObject | Should -Be $bad
            ($after.requests.'/alibaba/refund/info' - $before.requests.'/alibaba/refund/info') | Should -Be 1
        }
    }

    Context 'against a failing service' {
        BeforeAll {
            $faulty = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--seed', '3', '--refunds', '500', '--fault-rate', '0.2'
            $faultyIds = (Invoke-RestMethod "$($faulty.endpoint)/sandbox/refunds")[0..499]
            $faultyParams = @{ Credential = [pscredential]::new($faulty.accessKey, (ConvertTo-SecureString $faulty.secretKey -AsPlainText -Force)); UserId = $faulty.userId; Endpoint = $faulty.endpoint }
        }
        AfterAll { $faulty | Stop-PandaponSandbox }

        It 'delivers all 500 refunds when a fifth of the answers fail, retrying (the stats show it)' {
            # A stall (120 s) outlasts -TimeoutSec and is retried; 6 retries make a run of 7 faults on one id (0.2^7) improbable.
            # -TimeoutSec is far above a healthy answer's time even on a loaded machine: a healthy request that timed out
            # would be retried too and break the exact count below (requests = ids + injected faults).
            $refunds = @($faultyIds | Get-PandaponRefund @faultyParams -ThrottleLimit 16 -MaxRetries 6 -TimeoutSec 10 -ErrorVariable errs -ErrorAction SilentlyContinue)
            $stats = Get-SandboxStats $faulty

            $errs | Should -BeNullOrEmpty
            $refunds.Count | Should -Be 500
            $refunds.RefundId | Should -Be $faultyIds
            $injected = ($stats.faults.PSObject.Properties.Value | Measure-Object -Sum).Sum
            $injected | Should -BeGreaterThan 50
            $stats.requests.'/alibaba/refund/info' | Should -Be (500 + $injected)
        }

        It 'writes an error carrying the last failure when the retries run out, and nothing is dropped' {
            $always = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--refunds', '3', '--fault-rate', '1', '--fault-kinds', 'server'
            try {
                $some = (Invoke-RestMethod "$($always.endpoint)/sandbox/refunds")[0..2]
                $params = @{ Credential = [pscredential]::new($always.accessKey, (ConvertTo-SecureString $always.secretKey -AsPlainText -Force)); UserId = $always.userId; Endpoint = $always.endpoint }
                $refunds = @($some | Get-PandaponRefund @params -MaxRetries 1 -ErrorVariable errs -ErrorAction SilentlyContinue)
                $refunds | Should -BeNullOrEmpty
                $errs.Count | Should -Be 3
                $errs.TargetObject | Should -Be $some
                $errs | ForEach-Object { $_.Exception.Code | Should -Be 50001 }
                (Get-SandboxStats $always).requests.'/alibaba/refund/info' | Should -Be 6
            }
            finally { $always | Stop-PandaponSandbox }
        }
    }

    Context 'progress' {
        It 'shows progress, with a percentage, in a batch that lasts more than two seconds, and completes it' {
            # 40 ids at 300 ms each, 4 at a time, cannot finish in less than 3 s.
            $slow = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--refunds', '40', '--latency-ms', '300'
            $ps = [powershell]::Create()
            try {
                $slowIds = (Invoke-RestMethod "$($slow.endpoint)/sandbox/refunds")[0..39]
                $null = $ps.AddScript({
                        param($Module, $Sandbox, $Ids)
                        Import-Module $Module
                        $cred = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString $Sandbox.secretKey -AsPlainText -Force))
                        Get-PandaponRefund -RefundId $Ids -Credential $cred -UserId $Sandbox.userId -Endpoint $Sandbox.endpoint -ThrottleLimit 4
                    }).AddArgument((Get-TestModulePath)).AddArgument($slow).AddArgument($slowIds)
                $refunds = $ps.Invoke()
                $refunds.Count | Should -Be 40
                $progress = @($ps.Streams.Progress | Where-Object Activity -like 'Get-PandaponRefund*')
                $progress.Count | Should -BeGreaterThan 1
                $running = @($progress | Where-Object RecordType -eq 'Processing')
                $running | Should -Not -BeNullOrEmpty
                $running[-1].PercentComplete | Should -BeGreaterThan 0
                $running[-1].PercentComplete | Should -BeLessOrEqual 100
                # In flight is what is on the wire (at most -ThrottleLimit 4); the rest of the window is queued.
                $running[0].StatusDescription | Should -Match '^\d+ of 40 done, [0-4] in flight(, \d+ queued)?$'
                $progress[-1].RecordType | Should -Be 'Completed'
            }
            finally {
                $ps.Dispose()
                $slow | Stop-PandaponSandbox
            }
        }
    }

    Context 'Ctrl+C' {
        It 'stops a long batch promptly, requests in flight included' {
            $slow = Start-PandaponSandbox -Configuration $configuration -ArgumentList '--refunds', '400', '--latency-ms', '500'
            $ps = [powershell]::Create()
            try {
                $slowIds = Invoke-RestMethod "$($slow.endpoint)/sandbox/refunds"
                $null = $ps.AddScript({
                        param($Module, $Sandbox, $Ids)
                        Import-Module $Module
                        $cred = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString $Sandbox.secretKey -AsPlainText -Force))
                        $Ids | Get-PandaponRefund -Credential $cred -UserId $Sandbox.userId -Endpoint $Sandbox.endpoint -ThrottleLimit 4
                    }).AddArgument((Get-TestModulePath)).AddArgument($slow).AddArgument($slowIds)
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
                # 400 ids at 500 ms, 4 at a time, take 50 s: wait for the first refunds, then stop.
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while ($output.Count -lt 4 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
                $output.Count | Should -BeGreaterOrEqual 4

                $watch = [Diagnostics.Stopwatch]::StartNew()
                $ps.Stop()
                $watch.Stop()

                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
                $output.Count | Should -BeLessThan 100
                # Generous for a loaded machine: the batch had ~45 s left; a stop that waited for it would show.
                $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
                $requestsAtStop = (Get-SandboxStats $slow).requests.'/alibaba/refund/info'
                Start-Sleep -Milliseconds 1500
                (Get-SandboxStats $slow).requests.'/alibaba/refund/info' | Should -Be $requestsAtStop
            }
            finally {
                $ps.Dispose()
                $slow | Stop-PandaponSandbox
            }
        }
    }
}
