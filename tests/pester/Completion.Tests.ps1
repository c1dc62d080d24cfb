BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    function Get-Completion([string]$Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

Describe 'Tab completion of parameters with fixed values' {
    It 'completes <Line>' -ForEach @(
        @{ Line = 'Get-PandaponSignature -SignatureAlgorithm '; Expected = @('MD5', 'SHA1', 'SHA256', 'HMAC-SHA256') }
        @{ Line = 'Get-PandaponSignature -SignatureCase '; Expected = @('Upper', 'Lower') }
        @{ Line = 'Get-PandaponSignature -Method '; Expected = @('GET', 'POST') }
        @{ Line = 'Set-PandaponCredential -SignatureAlgorithm '; Expected = @('MD5', 'SHA1', 'SHA256', 'HMAC-SHA256') }
        @{ Line = 'Get-PandaponRefund -SignatureAlgorithm '; Expected = @('MD5', 'SHA1', 'SHA256', 'HMAC-SHA256') }
        @{ Line = 'Invoke-PandaponRequest -Method '; Expected = @('Get', 'Post') }
        @{ Line = 'New-PandaponRefund -DisputeRequest '; Expected = @('Refund', 'ReturnRefund') }
        @{ Line = 'Get-PandaponTaobaoRefund -Status '; Expected = @('NotApplied', 'Applied', 'SellerAgreed', 'WaitingSellerReceipt', 'Succeeded', 'SellerRefused', 'Closed') }
        @{ Line = 'New-PandaponRefund -GoodsStatus '; Expected = @('refundWaitSellerSend', 'refundWaitBuyerReceive', 'refundBuyerReceived', 'aftersaleBuyerNotReceived', 'aftersaleBuyerReceived') }
    ) {
        $completions = Get-Completion $Line
        foreach ($value in $Expected) { $completions | Should -Contain $value }
        $completions.Count | Should -Be $Expected.Count
    }

    It 'narrows to what was typed' {
        Get-Completion 'Get-PandaponSignature -SignatureAlgorithm SH' | Should -Be @('SHA1', 'SHA256')
    }
}
