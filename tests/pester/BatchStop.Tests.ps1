# A batch stops at the first authentication refusal (issue 10): no request after it, those in flight finish, and one
# terminating error says what was refused and how much was not sent. Measured with the sandbox's own counters.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:Sandbox = Get-TestSandbox
    $script:Ids = Invoke-RestMethod "$($Sandbox.endpoint)/sandbox/refunds"   # one JSON array
    $script:Wrong = @{ Endpoint = $Sandbox.endpoint; UserId = $Sandbox.userId
        Credential = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force)) }
    $script:Right = @{ Endpoint = $Sandbox.endpoint; UserId = $Sandbox.userId
        Credential = [pscredential]::new($Sandbox.accessKey, (ConvertTo-SecureString $Sandbox.secretKey -AsPlainText -Force)) }
    function Reset-Stats { $null = Invoke-RestMethod -Method Post "$($Sandbox.endpoint)/sandbox/stats/reset" }
}

Describe 'A batch refused for authentication' {
    It 'Get-PandaponRefund with a wrong secret and 200 ids at -ThrottleLimit 8 sends at most 8 requests and ends with one terminating error' {
        $ids200 = @(for ($i = 0; $i -lt 200; $i++) { $Ids[$i % $Ids.Count] })
        Reset-Stats
        $caught = $null
        $out = @()
        try { $out = @(Get-PandaponRefund -RefundId $ids200 -ThrottleLimit 8 @Wrong -ErrorAction Continue -ErrorVariable nonTerminating) }
        catch { $caught = $_ }
        $stats = Get-SandboxStats $Sandbox
        $stats.refusals.signatureMismatch | Should -BeLessOrEqual 8
        $stats.refusals.signatureMismatch | Should -BeGreaterOrEqual 1
        $stats.total | Should -Be $stats.refusals.signatureMismatch
        $out.Count | Should -Be 0
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'Pandapon.Authentication*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $caught.Exception.Code | Should -Be 40104
        $message = $caught.ErrorDetails.Message
        $message | Should -BeLike "*signature mismatch*The batch stopped at this authentication refusal*"
        $message | Should -Match '(\d+) inputs were not sent, and no later input is sent'
        # Every one of the 200 ids is accounted for: refused, or not sent.
        [int]([regex]::Match($message, '(\d+) inputs were not sent').Groups[1].Value) + $stats.refusals.signatureMismatch | Should -Be 200
        $caught.ErrorDetails.RecommendedAction | Should -BeLike '*Test-PandaponCredential -TryRecipes*'
        # The advice is said once: as the recommended action, not again in the message.
        $message | Should -Not -BeLike '*Test-PandaponCredential*'
        # No error record per refused id (before this change there was one for each of the 200).
        @($nonTerminating | Where-Object { $_.FullyQualifiedErrorId -like 'Pandapon.Authentication*' -and $_.TargetObject }) | Should -BeNullOrEmpty
    }

    It 'Invoke-PandaponRequest over a pipeline stops at the first refusal' {
        Reset-Stats
        $caught = $null
        try { $Ids[0..19] | ForEach-Object { @{ refundId = $_ } } | Invoke-PandaponRequest /alibaba/refund/info -Idempotent @Wrong -ErrorAction Stop }
        catch { $caught = $_ }
        $caught.ErrorDetails.Message | Should -BeLike '*The batch stopped at this authentication refusal*'
        (Get-SandboxStats $Sandbox).total | Should -Be 1
    }

    It 'New-PandaponRefund from a CSV stops at the first refusal' {
        $csv = Join-Path $TestDrive 'rows.csv'
        @('OrderId,OrderEntryId,DisputeRequest,ApplyPayment,ReasonId,Description,GoodsStatus') + @(
            for ($i = 1; $i -le 10; $i++) { "20000000000000000$($i.ToString('00')),1,Refund,1.00,20005,协商退款,refundWaitBuyerReceive" }
        ) | Set-Content -Path $csv -Encoding utf8
        Reset-Stats
        $caught = $null
        try { Import-Csv $csv | New-PandaponRefund -Force @Wrong -ErrorAction Stop } catch { $caught = $_ }
        $caught.ErrorDetails.Message | Should -BeLike '*The batch stopped at this authentication refusal*'
        $caught.Exception.Code | Should -Be 40104
        (Get-SandboxStats $Sandbox).total | Should -Be 1
    }

    It 'a refusal of another kind (not found) does not stop the batch' {
        Reset-Stats
        $out = @(Get-PandaponRefund -RefundId @($Ids[0], 'TQ00000000000000000', $Ids[1]) @Right -ErrorAction SilentlyContinue -ErrorVariable errs)
        $out.Count | Should -Be 2
        $errs.Count | Should -Be 1
        (Get-SandboxStats $Sandbox).total | Should -Be 3
    }
}
