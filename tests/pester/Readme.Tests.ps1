# The README's quick start, run as written against the test sandbox (seed 1), so it never names an id the
# sandbox does not have or a CSV header that does not bind.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
    $quickStart = [regex]::Match($readme, '(?s)## Quick start.*?```powershell\r?\n(?<code>.*?)```').Groups['code'].Value
}

Describe 'README quick start' {
    It 'has the sandbox steps: the JSON line, -Endpoint, the ids.csv header, a real order id' {
        $quickStart | Should -Match "\`$sb = '<the JSON line>' \| ConvertFrom-Json"
        $quickStart | Should -Match '-Endpoint \$sb\.endpoint'
        $quickStart | Should -Match '"RefundId"'
    }

    It 'runs steps 0, 2, 3, 4 and 5 against the sandbox (step 1 and the signature check need a real account)' {
        # Paragraphs of the block; the ones that prompt for a secret (Read-Host) are for a real account.
        $runnable = @($quickStart -split '\r?\n\s*\r?\n' | Where-Object { $_ -notmatch 'Read-Host' })
        $runnable.Count | Should -Be 6
        $code = ($runnable -join "`n").Replace("'<the JSON line>'", '$env:PANDAPON_TEST_SANDBOX')
        $work = New-TestConfigDirectory
        try {
            $script = [scriptblock]::Create(@"
                `$ErrorActionPreference = 'Stop'
                Set-Location '$work'
                `$out = & { $code }
                [pscustomobject]@{
                    Source  = "`$((`$out | Where-Object { `$_ -is [Pandapon.Models.CredentialInfo] }).Source)"
                    Refund  = (`$out | Where-Object { `$_ -is [Pandapon.Models.Refund] }).RefundId
                    Header  = (Get-Content ids.csv -First 1)
                    Ids     = @(Import-Csv ids.csv).Count
                    Pending = @(Import-Csv pending.csv | Where-Object Status -ne 'waitselleragree').Count
                    Order   = "`$((`$out | Where-Object { `$_.PSObject.Properties['baseInfo'] }).baseInfo.id)"
                    Tested  = @(`$out | Where-Object { `$_ -is [Pandapon.Models.CredentialTestResult] } | ForEach-Object Accepted)
                }
"@)
            $result = Invoke-IsolatedPwsh -Environment @{ PANDAPON_CONFIG_DIR = $work } -ScriptBlock $script
        }
        finally { Remove-Item -Recurse -Force $work }
        $result.Source | Should -Be 'Session'
        $result.Refund | Should -Be 'TQ21443713367004032'
        $result.Header | Should -Be '"RefundId"'
        $result.Ids | Should -Be 20
        $result.Pending | Should -Be 0
        $result.Order | Should -Be '2068197407678562378'
        $result.Tested | Should -Be @($true, $true)   # Test-PandaponCredential, then -TryRecipes stopping at the first recipe
    }
}
