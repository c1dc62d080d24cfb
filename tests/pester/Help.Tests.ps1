# Get-Help as users meet it, for every exported cmdlet, and the generator that builds it (build/New-PandaponHelp.ps1).
BeforeDiscovery {
    # The cmdlets come from the built manifest, so a new cmdlet is covered as soon as it is exported.
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $cmdlets = (Import-PowerShellDataFile (Join-Path (Get-TestModulePath) 'Pandapon.psd1')).CmdletsToExport
    # Every parameter with fixed values (a ValidateSet or an enum type), one test case each.
    Import-Module (Get-TestModulePath) -Force
    $commonNames = [System.Management.Automation.Cmdlet]::CommonParameters
    $fixedParameters = foreach ($cmdletName in $cmdlets) {
        foreach ($p in (Get-Command $cmdletName -Module Pandapon).Parameters.Values) {
            if ($commonNames.Contains($p.Name)) { continue }
            $set = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
            $enumType = if ($p.ParameterType.IsEnum) { $p.ParameterType } else { [Nullable]::GetUnderlyingType($p.ParameterType) }
            if ($set) { @{ Cmdlet = $cmdletName; Parameter = $p.Name; Values = @($set.ValidValues) } }
            elseif ($enumType -and $enumType.IsEnum) { @{ Cmdlet = $cmdletName; Parameter = $p.Name; Values = @([Enum]::GetNames($enumType)) } }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
}

Describe 'Get-Help <_>' -ForEach $cmdlets {
    BeforeAll {
        $name = $_
        $command = Get-Command $name -Module Pandapon
        $help = Get-Help $name -Full
    }

    It 'has a synopsis of its own, not the syntax that Get-Help shows when the help file is missing' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($name))(\s|$)"
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter (common parameters excepted)' {
        $documented = @{}
        foreach ($p in $help.parameters.parameter) { $documented[$p.name] = ($p.description.Text -join '').Trim() }
        $parameters = @($command.Parameters.Keys | Where-Object { -not $common.Contains($_) })
        $parameters | Should -Not -BeNullOrEmpty
        foreach ($p in $parameters) {
            $documented.ContainsKey($p) | Should -BeTrue -Because "-$p must be in the help of $name"
            $documented[$p] | Should -Not -BeNullOrEmpty -Because "-$p must be described"
        }
    }

    It 'has a HelpUri, so Get-Help -Online opens its page in the repository' {
        $manifest = Import-PowerShellDataFile (Join-Path (Get-TestModulePath) 'Pandapon.psd1')
        $command.HelpUri | Should -Be "$($manifest.PrivateData.PSData.ProjectUri)/blob/main/docs/en-US/$name.md"
        Join-Path $PSScriptRoot "../../docs/en-US/$name.md" | Should -Exist
        # Get-Help -Online takes the first link of the help that is an address, else HelpUri: that link must be ours.
        @($help.relatedLinks.navigationLink | Where-Object { $_.uri })[0].uri | Should -Be $command.HelpUri
    }

    It 'shows no markdown (backticks, **bold**) in the synopsis, description, parameters or example remarks' {
        $texts = @($help.Synopsis) + @($help.description.Text) + @($help.parameters.parameter.description.Text) +
            @($help.examples.example.remarks.Text) + @($help.examples.example.title)
        # Code shown inside prose is indented four spaces, like a console listing: PowerShell's own backtick may stay there.
        $prose = foreach ($t in $texts) { ($t -split "`n") | Where-Object { $_ -notmatch '^    ' } }
        $marked = @($prose | Where-Object { $_ -match '`|(?<!\*)\*\*(?!\*)' })   # '***' is the redaction the cmdlets print
        $marked | Should -BeNullOrEmpty -Because 'markdown must be rendered to plain text in the MAML'
    }

    It 'names its output types' {
        $returns = @($help.returnValues.returnValue.type.name)
        foreach ($type in $command.OutputType) { $returns | Should -Contain $type.Name }
    }
}

Describe 'Get-Help -Online' -Skip:(-not $IsLinux) {
    It 'opens each exported cmdlet''s page in the repository (a stand-in xdg-open records what it is given)' {
        $bin = Join-Path $TestDrive 'bin'
        $null = New-Item -ItemType Directory -Path $bin
        $opened = Join-Path $TestDrive 'opened.txt'
        Set-Content -Path (Join-Path $bin 'xdg-open') -Value "#!/bin/sh`necho `"`$1`" >> '$opened'"
        chmod +x (Join-Path $bin 'xdg-open')
        $names = @((Import-PowerShellDataFile (Join-Path (Get-TestModulePath) 'Pandapon.psd1')).CmdletsToExport)
        Invoke-IsolatedPwsh -Environment @{ PATH = "$bin$([IO.Path]::PathSeparator)$env:PATH"; PANDAPON_TEST_NAMES = ($names -join ',') } -ScriptBlock {
            foreach ($name in $env:PANDAPON_TEST_NAMES -split ',') { Get-Help $name -Online }
        }
        $deadline = [DateTime]::UtcNow.AddSeconds(30)   # xdg-open is started, not waited for
        while (@(Get-Content $opened -ErrorAction SilentlyContinue).Count -lt $names.Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        @(Get-Content $opened | Sort-Object) | Should -Be @($names | Sort-Object | ForEach-Object { "https://github.com/pandapon/Pandapon/blob/main/docs/en-US/$_.md" })
    }
}

Describe 'Accepted values in the help' {
    It '-<Parameter> of <Cmdlet> lists <Values>' -ForEach $fixedParameters {
        $full = Get-Help $Cmdlet -Full | Out-String -Width 500
        $full | Should -Match ([regex]::Escape("{$($Values -join ' | ')}")) -Because "the syntax should list the values of -$Parameter"
        Get-Help $Cmdlet -Parameter $Parameter | Out-String -Width 500 |
            Should -Match ([regex]::Escape("Accepted values: $($Values -join ', ')"))
    }
}

Describe 'Get-Help Get-PandaponSignature' {
    It 'shows defaults read from the cmdlet and the ones the markdown states' {
        $parameter = @{}
        foreach ($p in (Get-Help Get-PandaponSignature -Full).parameters.parameter) { $parameter[$p.name] = $p }
        $parameter.SignatureAlgorithm.defaultValue | Should -Be 'MD5'
        $parameter.SignatureCase.defaultValue | Should -Be 'Upper'
        $parameter.Method.defaultValue | Should -Be 'POST'
        $parameter.SignatureTemplate.defaultValue | Should -Be '{AccessKey}{Timestamp}{Nonce}{SecretKey}'
        $parameter.TimestampUnit.defaultValue | Should -Be 'Milliseconds'
        $parameter.Timestamp.defaultValue | Should -Be 'the current time'
        $parameter.AccessKey.required | Should -Be 'true'
        $parameter.AccessKey.position | Should -Be '0'
    }

    It 'shows an example together with the output it produces' {
        $first = @((Get-Help Get-PandaponSignature -Examples).examples.example)[0]
        $first.code | Should -Match 'Signature\s+: 1F14695F012FE42D09C0D6DD718FC674'
    }
}

Describe 'Get-Help about_Pandapon' {
    It 'is found, with its short description as the synopsis' {
        $topic = Get-Help about_Pand* | Where-Object Name -EQ 'about_Pandapon'
        $topic | Should -Not -BeNullOrEmpty
        $topic.Synopsis | Should -Match 'Credentials'
    }

    It 'covers credentials, signing, units, dates, retries, rate limits, proxies, the sandbox and Azure Automation' {
        $text = Get-Help about_Pandapon | Out-String
        foreach ($needle in 'PANDAPON_ACCESS_KEY', 'PANDAPON_CONFIG_DIR', 'Get-PandaponSignature', 'fen', 'yyyyMMddHHmmssSSS+0800',
            '-MaxRetries', 'src/Pandapon.Sandbox', 'Get-AutomationPSCredential', '-MaxRequestsPerSecond', 'PANDAPON_MAX_RPS', 'PANDAPON_ADAPTIVE_RATE',
            '-Proxy', '-ProxyCredential', '-NoProxy', 'PANDAPON_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'Pandapon.ProxyAuthentication') {
            $text | Should -Match ([regex]::Escape($needle))
        }
    }
}

Describe 'build/New-PandaponHelp.ps1' {
    BeforeAll {
        $generator = Join-Path $PSScriptRoot '../../build/New-PandaponHelp.ps1'
        $root = Join-Path ([IO.Path]::GetTempPath()) ('pandapon-help-' + [Guid]::NewGuid().ToString('N'))
        $moduleDir = Join-Path $root 'HelpSample'
        $null = New-Item -ItemType Directory -Path $moduleDir

        # A small module with what the generator must read: two parameter sets, pipeline input, an alias,
        # wildcards, a ValidateSet, an enum, defaults, a switch and SupportsShouldProcess.
        Set-Content -Path (Join-Path $moduleDir 'HelpSample.psm1') -Value @'
function Set-HelpSample {
    [CmdletBinding(DefaultParameterSetName = 'ById', SupportsShouldProcess)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName, ParameterSetName = 'ById')]
        [Alias('Id')]
        [string[]]$SampleId,

        [Parameter(Mandatory, ParameterSetName = 'ByName')]
        [SupportsWildcards()]
        [string]$Name,

        [ValidateSet('Fast', 'Slow')]
        [string]$Speed = 'Fast',

        [System.DayOfWeek]$Day,

        [int]$Count = 5,

        [switch]$Force
    )
    process { $SampleId }
}
Export-ModuleMember -Function Set-HelpSample
'@

        function New-SampleMarkdown {
            <# The help source of Set-HelpSample; -Omit drops sections, -Parameters names the documented parameters. #>
            param([string[]]$Omit = @(), [string[]]$Parameters = @('SampleId', 'Name', 'Speed', 'Day', 'Count', 'Force'), [string]$Lead = '')
            $parameters = foreach ($p in $Parameters) { "### -$p`nWhat -$p does.`n" }
            $sections = [ordered]@{
                SYNOPSIS    = 'Sets a sample.'
                DESCRIPTION = "Sets a sample, for the generator's tests.`n`n" + 'A second paragraph with a [link](https://example.com/doc), `code`, **bold `x` words** and ``a `b` c``.'
                EXAMPLES    = (1..2 | ForEach-Object { "### Example ${_}: Run it`n``````powershell`nPS> Set-HelpSample -SampleId $_`n```````n``````output`n$_`n```````n`nRemarks $_.`n" }) -join "`n"
                PARAMETERS  = "$Lead`n`n" + ($parameters -join "`n")
                INPUTS      = "### System.String[]`nSample ids."
                OUTPUTS     = "### System.String`nThe ids."
                NOTES       = 'A note.'
                'RELATED LINKS' = "- [Online](https://example.com/help)`n- about_Pandapon"
            }
            $text = "# Set-HelpSample`n`n"
            foreach ($key in $sections.Keys) { if ($Omit -notcontains $key) { $text += "## $key`n$($sections[$key])`n`n" } }
            Set-Content -Path (Join-Path $root 'docs/Set-HelpSample.md') -Value $text
        }

        function Invoke-Generator {
            & $generator -ModulePath $moduleDir -MarkdownPath (Join-Path $root 'docs') -OutputPath (Join-Path $root 'out/HelpSample-Help.xml')
        }

        function Get-Maml {
            [xml]$xml = Get-Content -Raw (Join-Path $root 'out/HelpSample-Help.xml')
            $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
            $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
            $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
            $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
            [pscustomobject]@{ Xml = $xml; Ns = $ns }
        }

        function Get-MamlParameter($Maml, [string]$Name) {
            $Maml.Xml.SelectSingleNode("//command:parameters/command:parameter[maml:name='$Name']", $Maml.Ns)
        }
    }

    BeforeEach {
        Remove-Item -Recurse -Force (Join-Path $root 'docs'), (Join-Path $root 'out') -ErrorAction SilentlyContinue
        $null = New-Item -ItemType Directory -Path (Join-Path $root 'docs')
    }

    AfterAll {
        Remove-Module HelpSample -ErrorAction SilentlyContinue
        Remove-Item -Recurse -Force $root -ErrorAction SilentlyContinue
    }

    Context 'a complete help source' {
        BeforeEach {
            New-SampleMarkdown
            Invoke-Generator
            $maml = Get-Maml
        }

        It 'takes the words from the markdown' {
            $maml.Xml.SelectSingleNode('//command:details/maml:description/maml:para', $maml.Ns).InnerText | Should -Be 'Sets a sample.'
            $paragraphs = $maml.Xml.SelectNodes('/*/command:command/maml:description/maml:para', $maml.Ns)
            $paragraphs.Count | Should -Be 2
            $paragraphs[1].InnerText | Should -Be 'A second paragraph with a link (https://example.com/doc), code, bold x words and a `b` c.'
            $maml.Xml.SelectSingleNode('//maml:alertSet/maml:alert/maml:para', $maml.Ns).InnerText | Should -Be 'A note.'
            $maml.Xml.SelectSingleNode('//command:returnValue/dev:type/maml:name', $maml.Ns).InnerText | Should -Be 'System.String'
            $links = $maml.Xml.SelectNodes('//maml:navigationLink', $maml.Ns)
            $links[0].linkText | Should -Be 'Online'
            $links[0].uri | Should -Be 'https://example.com/help'
            $links[1].linkText | Should -Be 'about_Pandapon'
        }

        It 'puts the output of an example under its code, and the remarks after' {
            $examples = $maml.Xml.SelectNodes('//command:example', $maml.Ns)
            $examples.Count | Should -Be 2
            $examples[1].title | Should -Match 'Example 2: Run it'
            $examples[1].code | Should -Be "PS> Set-HelpSample -SampleId 2`n`n2"
            $examples[1].remarks.para[0] | Should -Be 'Remarks 2.'
        }

        It 'writes one syntax block per parameter set, the default set first, positional parameters first' {
            $items = $maml.Xml.SelectNodes('//command:syntax/command:syntaxItem', $maml.Ns)
            $items.Count | Should -Be 2
            $first = @($items[0].parameter.name)
            $first[0] | Should -Be 'SampleId'
            $first | Should -Not -Contain 'Name'
            @($items[1].parameter.name) | Should -Contain 'Name'
            $first[-2..-1] | Should -Be 'WhatIf', 'Confirm'
        }

        It 'reads type, position, mandatory, pipeline input, aliases and wildcards from the command' {
            $id = Get-MamlParameter $maml 'SampleId'
            $id.required | Should -Be 'true'
            $id.position | Should -Be '0'
            $id.pipelineInput | Should -Be 'True (ByValue, ByPropertyName)'
            $id.aliases | Should -Be 'Id'
            $id.type.name | Should -Be 'System.String[]'
            $id.parameterValue.InnerText | Should -Be 'String[]'
            $name = Get-MamlParameter $maml 'Name'
            $name.globbing | Should -Be 'true'
            $name.position | Should -Be 'named'
            (Get-MamlParameter $maml 'Speed').required | Should -Be 'false'
        }

        It 'lists the accepted values of a ValidateSet and of an enum' {
            $speed = Get-MamlParameter $maml 'Speed'
            @($speed.SelectNodes('command:parameterValueGroup/command:parameterValue', $maml.Ns).InnerText) | Should -Be 'Fast', 'Slow'
            $speed.description.para[-1] | Should -Be 'Accepted values: Fast, Slow'
            $day = Get-MamlParameter $maml 'Day'
            @($day.SelectNodes('command:parameterValueGroup/command:parameterValue', $maml.Ns).InnerText) | Should -Be ([Enum]::GetNames([DayOfWeek]))
        }

        It 'reads default values, and shows a switch without a value' {
            (Get-MamlParameter $maml 'Speed').defaultValue | Should -Be 'Fast'
            (Get-MamlParameter $maml 'Count').defaultValue | Should -Be '5'
            (Get-MamlParameter $maml 'Day').defaultValue | Should -Be 'None'
            $force = Get-MamlParameter $maml 'Force'
            $force.defaultValue | Should -Be 'False'
            $force.SelectSingleNode('command:parameterValue', $maml.Ns) | Should -BeNullOrEmpty
        }

        It 'adds -WhatIf and -Confirm to a command that supports ShouldProcess' {
            (Get-MamlParameter $maml 'WhatIf').description.para | Should -Match 'Shows what would happen'
            (Get-MamlParameter $maml 'Confirm').description.para | Should -Match 'Prompts you for confirmation'
            Get-MamlParameter $maml 'Verbose' | Should -BeNullOrEmpty
        }
    }

    Context 'shared parameter sections (docs/en-US/common/ApiParameters.md)' {
        BeforeEach {
            $null = New-Item -ItemType Directory -Path (Join-Path $root 'docs/common')
            Set-Content -Path (Join-Path $root 'docs/common/Shared.md') -Value (
                "# Shared parameters`n`nRead on GitHub; not help text.`n`n## PARAMETERS`n`n### -Count`nShared count.`n`nDefault value: many`n`n### -Force`nShared force.`n")
        }

        It 'documents the sections of the linked file after the command''s own; an own section of the same name wins' {
            New-SampleMarkdown -Parameters 'SampleId', 'Name', 'Speed', 'Day', 'Force' -Lead 'Also the [shared parameters](common/Shared.md).'
            Invoke-Generator
            $maml = Get-Maml
            (Get-MamlParameter $maml 'Count').description.para | Should -Be 'Shared count.'
            (Get-MamlParameter $maml 'Count').defaultValue | Should -Be 'many'
            (Get-MamlParameter $maml 'Force').description.para | Should -Be 'What -Force does.'
            @($maml.Xml.SelectNodes('//command:parameters/command:parameter/maml:name', $maml.Ns).InnerText) |
                Should -Be 'SampleId', 'Name', 'Speed', 'Day', 'Count', 'Force', 'WhatIf', 'Confirm'
            $maml.Xml.OuterXml | Should -Not -Match 'shared parameters|not help text'
        }

        It 'fails, naming the file, when the linked file does not exist' {
            New-SampleMarkdown -Parameters 'SampleId', 'Name', 'Speed', 'Day', 'Force' -Lead 'Also the [shared parameters](common/Missing.md).'
            $message = try { Invoke-Generator; '' } catch { $_.Exception.Message }
            $message | Should -BeLike "*Set-HelpSample.md: '## PARAMETERS' links to 'common/Missing.md', which does not exist.*"
            $message | Should -BeLike '*Set-HelpSample.md: parameter -Count is not documented*'
        }

        It 'is not read for a command that does not link to it' {
            New-SampleMarkdown -Parameters 'SampleId', 'Name', 'Speed', 'Day', 'Force'
            { Invoke-Generator } | Should -Throw -ExpectedMessage '*parameter -Count is not documented*'
        }
    }

    Context 'an incomplete help source fails, naming the file and the problem' {
        It 'when the synopsis is missing' {
            New-SampleMarkdown -Omit SYNOPSIS
            { Invoke-Generator } | Should -Throw -ExpectedMessage "*Set-HelpSample.md: no '## SYNOPSIS' section.*"
            Join-Path $root 'out/HelpSample-Help.xml' | Should -Not -Exist
        }

        It 'when the description is missing' {
            New-SampleMarkdown -Omit DESCRIPTION
            { Invoke-Generator } | Should -Throw -ExpectedMessage "*Set-HelpSample.md: no '## DESCRIPTION' section.*"
        }

        It 'when there are fewer than two examples' {
            New-SampleMarkdown
            $path = Join-Path $root 'docs/Set-HelpSample.md'
            (Get-Content -Raw $path) -replace '(?s)### Example 2.*?Remarks 2\.', '' | Set-Content $path
            { Invoke-Generator } | Should -Throw -ExpectedMessage "*Set-HelpSample.md: 1 example(s) under '## EXAMPLES'; at least 2 are required.*"
        }

        It 'when a parameter is not documented, and when a documented parameter does not exist' {
            New-SampleMarkdown -Parameters 'SampleId', 'Name', 'Speed', 'Day', 'Force', 'Colour'
            $message = try { Invoke-Generator; '' } catch { $_.Exception.Message }
            $message | Should -BeLike '*Set-HelpSample.md: parameter -Count is not documented*'
            $message | Should -BeLike "*Set-HelpSample.md: '### -Colour' documents a parameter that Set-HelpSample does not have.*"
        }

        It 'when an exported command has no markdown at all' {
            { Invoke-Generator } | Should -Throw -ExpectedMessage '*Set-HelpSample.md: missing*'
        }

        It 'when markdown documents a command the module does not export' {
            New-SampleMarkdown
            Set-Content -Path (Join-Path $root 'docs/Get-Nothing.md') -Value '# Get-Nothing'
            { Invoke-Generator } | Should -Throw -ExpectedMessage "*Get-Nothing.md: HelpSample exports no command named 'Get-Nothing'.*"
        }
    }
}
