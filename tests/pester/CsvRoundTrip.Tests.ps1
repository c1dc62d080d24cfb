# CSV files that read back the same in every culture (issue 17.1): ConvertTo-PandaponCsvRow before Export-Csv.
# Each culture runs in a child pwsh that sets [cultureinfo]::CurrentCulture, reads from the sandbox, writes the
# file and reads it back with Import-Csv and PowerShell's casts; this process compares what came back with the
# objects it read itself.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $sandbox = Get-TestSandbox
    Set-PandaponCredential -AccessKey $sandbox.accessKey -SecretKey $sandbox.secretKey -UserId $sandbox.userId -Endpoint $sandbox.endpoint
    $invariant = [cultureinfo]::InvariantCulture
    $work = Join-Path ([IO.Path]::GetTempPath()) ('pandapon-csv-tests-' + [Guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
    $refundIds = @((Invoke-RestMethod "$($sandbox.endpoint)/sandbox/refunds") | ForEach-Object { $_ } | Select-Object -First 25)
    $childEnvironment = @{
        PANDAPON_ACCESS_KEY = $sandbox.accessKey; PANDAPON_SECRET_KEY = $sandbox.secretKey
        PANDAPON_USER_ID = $sandbox.userId; PANDAPON_ENDPOINT = $sandbox.endpoint
        PANDAPON_TEST_DIR = $work; PANDAPON_TEST_REFUND_IDS = ($refundIds -join ',')
    }

    # The objects as this process reads them, by kind; the child reads the same ones.
    $script:Expected = @{
        Refund       = @{ Key = 'RefundId'; Amount = 'ApplyPayment'; Objects = @(Get-PandaponRefund $refundIds) }
        Order        = @{ Key = 'OrderId'; Amount = 'TotalAmount'; Objects = @(Get-PandaponOrder -First 30) }
        TaobaoRefund = @{ Key = 'RefundId'; Amount = 'RefundFee'; Objects = @(Get-PandaponTaobaoRefund -First 30) }
    }

    function Invoke-RoundTrip([string]$Culture) {
        <# In a child pwsh under $Culture: objects -> ConvertTo-PandaponCsvRow -> Export-Csv -> Import-Csv, then each
           amount read with [decimal]::Parse (invariant: exact, the scale kept, as about_Pandapon shows) and with a
           [decimal] cast (PowerShell reads that through a double: right to 15 digits, the scale dropped), each time
           cast with [DateTimeOffset], the amounts summed with a [decimal] accumulator. What was read comes back as
           invariant text, a time as 'time ' + its 'o' text (ConvertFrom-Json would turn bare ISO text into a
           DateTime); the file itself stays on disk for this process to read. #>
        $environment = $childEnvironment.Clone()
        $environment.PANDAPON_TEST_CULTURE = $Culture
        Invoke-IsolatedPwsh -Environment $environment -ScriptBlock {
            [cultureinfo]::CurrentCulture = $env:PANDAPON_TEST_CULTURE
            $invariant = [cultureinfo]::InvariantCulture
            $sets = [ordered]@{
                Refund       = @{ Amount = 'ApplyPayment'; Objects = @(Get-PandaponRefund ($env:PANDAPON_TEST_REFUND_IDS -split ',')) }
                Order        = @{ Amount = 'TotalAmount'; Objects = @(Get-PandaponOrder -First 30) }
                TaobaoRefund = @{ Amount = 'RefundFee'; Objects = @(Get-PandaponTaobaoRefund -First 30) }
            }
            $result = [ordered]@{ Culture = [cultureinfo]::CurrentCulture.Name }
            foreach ($kind in $sets.Keys) {
                $file = Join-Path $env:PANDAPON_TEST_DIR "$kind-$env:PANDAPON_TEST_CULTURE.csv"
                $sets[$kind].Objects | ConvertTo-PandaponCsvRow | Export-Csv $file
                $rows = @(Import-Csv $file)
                $sum = [decimal]0
                $rows | ForEach-Object { $sum += [decimal]::Parse($_.($sets[$kind].Amount), $invariant) }
                $read = for ($i = 0; $i -lt $rows.Count; $i++) {
                    $casts = [ordered]@{}
                    foreach ($p in $sets[$kind].Objects[$i].PSObject.Properties) {
                        $cell = $rows[$i].($p.Name)
                        if ($p.Value -is [decimal]) {
                            $casts[$p.Name] = [decimal]::Parse($cell, $invariant).ToString($invariant)
                            $casts["$($p.Name) cast"] = ([decimal]$cell).ToString($invariant)
                        }
                        elseif ($p.Value -is [DateTimeOffset]) { $casts[$p.Name] = 'time ' + ([DateTimeOffset]$cell).ToString('o', $invariant) }
                    }
                    [pscustomobject]$casts
                }
                $result[$kind] = [ordered]@{
                    File    = $file
                    Casts   = @($read)
                    Sum     = $sum.ToString($invariant)
                    MeasureSum = ($rows | Measure-Object $sets[$kind].Amount -Sum).Sum.ToString('R', $invariant)
                }
            }
            [pscustomobject]$result
        }
    }
}

AfterAll {
    Clear-PandaponCredential
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

Describe 'ConvertTo-PandaponCsvRow | Export-Csv, read back under <_>' -ForEach 'de-DE', 'zh-CN', 'en-US' {
    BeforeAll {
        $culture = $_
        $back = Invoke-RoundTrip $culture
    }

    It 'ran under <_>' {
        $back.Culture | Should -Be $culture
    }

    It '<Culture>: every <Kind> comes back, in the same columns, with its ids as text' -ForEach @(
        @{ Kind = 'Refund'; Culture = $_ }, @{ Kind = 'Order'; Culture = $_ }, @{ Kind = 'TaobaoRefund'; Culture = $_ }
    ) {
        $expected = $Expected[$Kind]
        $expected.Objects.Count | Should -BeGreaterThan 10
        $rows = @(Import-Csv $back.$Kind.File)
        @($rows.($expected.Key)) | Should -Be @($expected.Objects.($expected.Key))
        @($rows[0].PSObject.Properties.Name) | Should -Be @($expected.Objects[0].PSObject.Properties.Name)
        if ($Kind -eq 'Order') { @($rows.OrderId | Where-Object { $_ -match '^\d{19}$' }).Count | Should -Be $rows.Count }
    }

    It '<Culture>: every <Kind> cell holds the object''s value as invariant text, and reads back as the same decimal and DateTimeOffset' -ForEach @(
        @{ Kind = 'Refund'; Culture = $_ }, @{ Kind = 'Order'; Culture = $_ }, @{ Kind = 'TaobaoRefund'; Culture = $_ }
    ) {
        $expected = $Expected[$Kind]
        $rows = @(Import-Csv $back.$Kind.File)
        $casts = @($back.$Kind.Casts)
        $amounts = 0; $times = 0; $withMilliseconds = 0
        for ($i = 0; $i -lt $expected.Objects.Count; $i++) {
            $object = $expected.Objects[$i]
            $id = $object.($expected.Key)
            foreach ($p in $object.PSObject.Properties) {
                $cell = $rows[$i].($p.Name)
                $cast = $casts[$i].($p.Name)
                if ($null -eq $p.Value) {
                    $cell | Should -BeExactly '' -Because "$Kind $id $($p.Name) is null"
                }
                elseif ($p.Value -is [decimal]) {
                    $cell | Should -BeExactly $p.Value.ToString($invariant) -Because "$Kind $id $($p.Name)"
                    $cast | Should -BeExactly $p.Value.ToString($invariant) -Because "[decimal]::Parse of $Kind $id $($p.Name)"
                    [decimal]::Parse($casts[$i]."$($p.Name) cast", $invariant) | Should -Be $p.Value -Because "[decimal] of $Kind $id $($p.Name)"
                    $amounts++
                }
                elseif ($p.Value -is [DateTimeOffset]) {
                    $cell | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$' -Because "$Kind $id $($p.Name)"
                    $cast | Should -BeExactly ('time ' + $p.Value.ToString('o', $invariant)) -Because "[DateTimeOffset] of $Kind $id $($p.Name)"
                    $times++
                    if ($p.Value.Millisecond -ne 0) { $withMilliseconds++ }
                }
                else {
                    $cell | Should -BeExactly ([string]::Format($invariant, '{0}', $p.Value)) -Because "$Kind $id $($p.Name)"
                }
            }
        }
        # The data has what could go wrong: amounts, and times whose milliseconds a culture's format drops.
        $amounts | Should -BeGreaterThan 10
        $times | Should -BeGreaterThan 10
        $withMilliseconds | Should -BeGreaterThan 0
    }

    It '<Culture>: the <Kind> amounts sum to the same decimal as the objects (a [decimal] accumulator), and Measure-Object agrees to the fen' -ForEach @(
        @{ Kind = 'Refund'; Culture = $_ }, @{ Kind = 'Order'; Culture = $_ }, @{ Kind = 'TaobaoRefund'; Culture = $_ }
    ) {
        $expected = $Expected[$Kind]
        $sum = [decimal]0
        $expected.Objects | ForEach-Object { $sum += $_.($expected.Amount) }
        $sum | Should -BeGreaterThan 0
        $back.$Kind.Sum | Should -BeExactly $sum.ToString($invariant)
        # Measure-Object adds as [double]: right once rounded to the fen, and not off by a factor of 100.
        [decimal][math]::Round([double]::Parse($back.$Kind.MeasureSum, $invariant), 2) | Should -Be $sum
    }
}

Describe 'Plain Export-Csv under de-DE (why ConvertTo-PandaponCsvRow exists)' {
    It 'writes the culture''s text, which reads back wrong: the help''s warning is still true' {
        $environment = $childEnvironment.Clone()
        $environment.PANDAPON_TEST_REFUND_ID = $refundIds[0]
        $back = Invoke-IsolatedPwsh -Environment $environment -ScriptBlock {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $file = Join-Path $env:PANDAPON_TEST_DIR 'plain-de-DE.csv'
            Get-PandaponRefund $env:PANDAPON_TEST_REFUND_ID | Export-Csv $file
            $row = Import-Csv $file
            $cast = try { ([DateTimeOffset]$row.GmtApply).ToString('o') } catch { 'cannot be read' }
            [pscustomobject]@{ ApplyPayment = $row.ApplyPayment; GmtApply = $row.GmtApply; ReadAmount = ([decimal]$row.ApplyPayment).ToString([cultureinfo]::InvariantCulture); ReadTime = $cast }
        }
        $refund = $Expected.Refund.Objects[0]
        $refund.ApplyPayment.ToString($invariant) | Should -Match '\.'
        $back.ApplyPayment | Should -BeExactly $refund.ApplyPayment.ToString([cultureinfo]'de-DE')
        $back.ApplyPayment | Should -Not -Be $refund.ApplyPayment.ToString($invariant)
        $back.ReadAmount | Should -Not -Be $refund.ApplyPayment.ToString($invariant)
        $back.ReadTime | Should -Not -Be $refund.GmtApply.ToString('o', $invariant)
        $back.GmtApply | Should -BeExactly $refund.GmtApply.ToString([cultureinfo]'de-DE')
    }
}

Describe 'ConvertTo-PandaponCsvRow on other objects' {
    It 'keeps every property in order, converts by type, leaves text alone and null empty' {
        $source = [pscustomobject]@{
            Id = '3111837237911636899'; Amount = 149.40d; When = [DateTimeOffset]::new(2025, 1, 20, 9, 35, 51, 787, [TimeSpan]::FromHours(8))
            Utc = [DateTime]::new(2025, 1, 20, 1, 35, 51, 787, [DateTimeKind]::Utc); Ratio = 0.1 + 0.2; Flag = $true; Day = [DayOfWeek]::Monday
            Nothing = $null; Wait = [TimeSpan]::FromMilliseconds(1500); Ids = [Pandapon.Models.StringList]::new([string[]]@('1', '2'))
        }
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $row = $source | ConvertTo-PandaponCsvRow
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $row | Should -BeOfType [pscustomobject]
        @($row.PSObject.Properties.Name) | Should -Be @($source.PSObject.Properties.Name)
        $row.Id | Should -BeExactly '3111837237911636899'
        $row.Amount | Should -BeExactly '149.40'
        $row.When | Should -BeExactly '2025-01-20T09:35:51.787+08:00'
        $row.Utc | Should -BeExactly '2025-01-20T01:35:51.787Z'
        $row.Ratio | Should -BeExactly '0.30000000000000004'
        $row.Flag | Should -BeExactly 'True'
        $row.Day | Should -BeExactly 'Monday'
        $row.Nothing | Should -BeNullOrEmpty
        $row.Wait | Should -BeExactly '00:00:01.5000000'
        $row.Ids | Should -BeExactly '1;2'
        # A row converts to itself: text stays text.
        ($row | ConvertTo-PandaponCsvRow | ConvertTo-Csv) | Should -Be ($row | ConvertTo-Csv)
    }

    It 'converts an array given by name item by item, a piped null is one error, and a history record converts too' {
        $rows = @(ConvertTo-PandaponCsvRow -InputObject @([pscustomobject]@{ A = 1.5d }, [pscustomobject]@{ A = -2d }))
        $rows.Count | Should -Be 2
        $rows.A | Should -Be @('1.5', '-2')
        $piped = @(@([pscustomobject]@{ A = 1.5d }, $null, [pscustomobject]@{ A = 3d }) | ConvertTo-PandaponCsvRow -ErrorVariable refused -ErrorAction SilentlyContinue)
        $piped.A | Should -Be @('1.5', '3')
        @($refused).Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationErrorNullNotAllowed,*'
        $null = Get-PandaponRefund $refundIds[0]
        $history = Get-PandaponHistory -Last 1 | ConvertTo-PandaponCsvRow
        $history.Time | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3,7}[+-]\d\d:\d\d$'
        ([DateTimeOffset]$history.Time) | Should -Be (Get-PandaponHistory -Last 1).Time
    }
}
