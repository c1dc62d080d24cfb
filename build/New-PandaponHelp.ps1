#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Writes the MAML help file that Get-Help reads for a binary module, from one markdown file per command.
.DESCRIPTION
    Imports the module at -ModulePath and documents every command it exports. The facts come from the
    command itself: parameter sets, types, positions, mandatory, pipeline input, aliases, accepted values
    (ValidateSet and enums), wildcard support, defaults (read from a new instance of the cmdlet class) and
    -WhatIf/-Confirm for SupportsShouldProcess. The words come from -MarkdownPath/<Verb-Noun>.md, in the
    format of docs/internals.md section 4.

    Run it in a child pwsh (build.ps1 does): importing Pandapon.dll locks the module folder for the process.

    A command's '## PARAMETERS' may link, before its first '### -Name', to a shared file of parameter sections
    ("[the common API parameters](common/ApiParameters.md)"): those sections are documented for the command as if
    written in its file, after its own; a section of its own with the same name replaces the shared one.

    Fails with one error that lists every problem: an exported command without markdown, markdown without
    a command, a missing or empty SYNOPSIS or DESCRIPTION, fewer than two examples, an undocumented
    parameter, a documented parameter that does not exist, missing INPUTS or OUTPUTS.
.EXAMPLE
    pwsh -File build/New-PandaponHelp.ps1 -ModulePath out/Pandapon -MarkdownPath docs/en-US -OutputPath out/Pandapon/en-US/Pandapon.dll-Help.xml
#>
[CmdletBinding()]
param(
    # The module folder or manifest whose exported commands are documented.
    [Parameter(Mandatory)][string]$ModulePath,
    # The folder with one <Verb-Noun>.md per command.
    [Parameter(Mandatory)][string]$MarkdownPath,
    # The MAML file to write; its folder is created.
    [Parameter(Mandatory)][string]$OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

$KnownSections = 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$RequiredSections = 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS'
$Namespaces = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
# The words Microsoft's own help uses for the two risk-mitigation parameters, which Get-Help does not add itself.
$ShouldProcessText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

#region Markdown

function Read-HelpMarkdown {
    <# Splits a help source into its title, its ## sections and their ### subsections, keeping fenced code intact. #>
    param([string]$Path)
    $doc = [pscustomobject]@{ File = Split-Path -Leaf $Path; Path = $Path; Title = $null; Sections = [ordered]@{}; Duplicates = [Collections.Generic.List[string]]::new() }
    $section = $null
    $target = $null
    $fence = $null
    foreach ($line in [IO.File]::ReadAllLines($Path)) {
        if ($fence) {
            $target.Add($line)
            if ($line.Trim() -eq $fence) { $fence = $null }
            continue
        }
        if ($line -match '^\s*(`{3,})') {
            $fence = $Matches[1]
            if ($null -ne $target) { $target.Add($line) }
            continue
        }
        if ($line -match '^#\s+(\S.*?)\s*$') { $doc.Title = $Matches[1]; $target = $null; continue }
        if ($line -match '^##\s+(\S.*?)\s*$') {
            $name = $Matches[1].ToUpperInvariant()
            if ($doc.Sections.Contains($name)) { $doc.Duplicates.Add($name) }
            $section = [pscustomobject]@{ Lines = [Collections.Generic.List[string]]::new(); Subsections = [Collections.Generic.List[object]]::new() }
            $doc.Sections[$name] = $section
            $target = $section.Lines
            continue
        }
        if ($line -match '^###\s+(\S.*?)\s*$' -and $section) {
            $sub = [pscustomobject]@{ Heading = $Matches[1]; Lines = [Collections.Generic.List[string]]::new() }
            $section.Subsections.Add($sub)
            $target = $sub.Lines
            continue
        }
        if ($null -ne $target) { $target.Add($line) }
    }
    return $doc
}

function ConvertFrom-MarkdownInline {
    <# Help is plain text, so markdown must not show in Get-Help: a code span keeps its text without the backticks
       (``a `b` c`` too), **bold** its words, a link its words (and an absolute address). Single * and _ are left
       alone: they are wildcards and parts of names (PANDAPON_CONFIG_DIR) far more often than emphasis. #>
    param([string]$Text)
    $linked = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]+)\)', {
            param($m)
            if ($m.Groups[2].Value -match '^[a-z]+://') { "$($m.Groups[1].Value) ($($m.Groups[2].Value))" } else { $m.Groups[1].Value }
        })
    # One pass, so that the text of a code span is never read as bold, nor bold text as a code span.
    [regex]::Replace($linked, '(`+)\s?(.+?)\s?\1(?!`)|\*\*(.+?)\*\*', {
            param($m)
            if ($m.Groups[2].Success) { $m.Groups[2].Value } else { ConvertFrom-MarkdownInline $m.Groups[3].Value }
        })
}

function Get-MarkdownBlocks {
    <# Paragraphs (soft-wrapped lines joined, list items kept on their own lines) and fenced code blocks. #>
    param([string[]]$Lines)
    $blocks = [Collections.Generic.List[object]]::new()
    $paragraph = [Collections.Generic.List[string]]::new()
    $code = $null
    $language = ''
    $flush = {
        if ($paragraph.Count) {
            $text = ''
            foreach ($l in $paragraph) {
                $t = $l.Trim()
                if ($text -eq '') { $text = $t }
                elseif ($t -match '^([-*+]|\d+\.)\s') { $text += "`n" + $t }
                else { $text += ' ' + $t }
            }
            $blocks.Add([pscustomobject]@{ Kind = 'Text'; Language = ''; Text = (ConvertFrom-MarkdownInline $text) })
            $paragraph.Clear()
        }
    }
    foreach ($line in $Lines) {
        if ($null -ne $code) {
            if ($line -match '^\s*`{3,}\s*$') {
                $blocks.Add([pscustomobject]@{ Kind = 'Code'; Language = $language; Text = ($code -join "`n").TrimEnd() })
                $code = $null
            }
            else { $code.Add($line) }
            continue
        }
        if ($line -match '^\s*`{3,}\s*([\w-]*)') {
            & $flush
            $language = $Matches[1].ToLowerInvariant()
            $code = [Collections.Generic.List[string]]::new()
            continue
        }
        if ($line.Trim() -eq '') { & $flush } else { $paragraph.Add($line) }
    }
    & $flush
    return , $blocks
}

function Get-Paragraphs {
    <# The text of a section as MAML paragraphs; code inside prose is indented like a console listing. #>
    param([string[]]$Lines)
    foreach ($block in (Get-MarkdownBlocks $Lines)) {
        if ($block.Kind -eq 'Code') { ($block.Text -split "`n" | ForEach-Object { "    $_" }) -join "`n" } else { $block.Text }
    }
}

#endregion

#region Facts from the command

function Get-TypeDisplayName([type]$Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    return $Type.Name
}

function Get-AcceptedValues($Metadata) {
    foreach ($attribute in $Metadata.Attributes) {
        if ($attribute -is [System.Management.Automation.ValidateSetAttribute]) { return , @($attribute.ValidValues) }
    }
    $type = $Metadata.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    if ($type.IsEnum) { return , @([Enum]::GetNames($type)) }
    return , @()
}

function Format-DefaultValue($Value) {
    <# Only values a user could type are shown; an empty string, an empty array or an object is "None". #>
    if ($null -eq $Value) { return 'None' }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return "$($Value.IsPresent)" }
    if ($Value -is [string]) { if ($Value -eq '') { return 'None' } else { return $Value } }
    if ($Value -is [Array]) {
        if ($Value.Count -eq 0) { return 'None' }
        return (($Value | ForEach-Object { Format-DefaultValue $_ }) -join ', ')
    }
    if ($Value -is [enum] -or $Value -is [bool] -or $Value -is [char]) { return "$Value" }
    if ($Value -is [IFormattable] -and ($Value.GetType().IsPrimitive -or $Value -is [decimal] -or $Value -is [TimeSpan])) {
        return $Value.ToString($null, [Globalization.CultureInfo]::InvariantCulture)
    }
    if ($Value -is [uri]) { return $Value.OriginalString }
    return 'None'
}

function Get-DefaultValues($Command) {
    <# Parameter name -> default text. A cmdlet's defaults are its property values on a new instance;
       a function's are the default expressions of its param block (the test fixture uses functions). #>
    $defaults = @{}
    if ($Command -is [System.Management.Automation.CmdletInfo]) {
        $type = $Command.ImplementingType
        $instance = try { [Activator]::CreateInstance($type) } catch {
            throw "Help: cannot create a $($type.FullName) to read the defaults of $($Command.Name): $($_.Exception.GetBaseException().Message)"
        }
        try {
            foreach ($name in $Command.Parameters.Keys) {
                # Common and ShouldProcess parameters belong to the engine, not to the class.
                $member = $type.GetProperty($name)
                if (-not $member) { $member = $type.GetField($name) }
                if ($member) { $defaults[$name] = Format-DefaultValue $member.GetValue($instance) }
            }
        }
        finally { if ($instance -is [IDisposable]) { $instance.Dispose() } }
    }
    elseif ($Command -is [System.Management.Automation.FunctionInfo]) {
        $paramBlock = $Command.ScriptBlock.Ast.Body.ParamBlock
        if ($paramBlock) {
            foreach ($p in $paramBlock.Parameters) {
                if (-not $p.DefaultValue) { continue }
                $value = try { $p.DefaultValue.SafeGetValue() } catch { $p.DefaultValue.Extent.Text }
                $defaults[$p.Name.VariablePath.UserPath] = Format-DefaultValue $value
            }
        }
    }
    return $defaults
}

function Join-PerSet {
    <# One value when all parameter sets agree, otherwise "value (Set1, Set2), other (Set3)". #>
    param([System.Collections.Specialized.OrderedDictionary]$BySet)
    $distinct = @($BySet.Values | Select-Object -Unique)
    if ($distinct.Count -le 1) { return [string]$distinct[0] }
    ($distinct | ForEach-Object {
            $value = $_
            $sets = @($BySet.Keys | Where-Object { $BySet[$_] -eq $value })
            "$value ($($sets -join ', '))"
        }) -join ', '
}

function Get-ParameterFacts($Command) {
    <# Everything Get-Help shows about each parameter, except its description; common parameters excluded. #>
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $defaults = Get-DefaultValues $Command
    $facts = [ordered]@{}
    foreach ($name in $Command.Parameters.Keys) {
        if ($common.Contains($name) -or $name -eq 'UseTransaction') { continue }
        $metadata = $Command.Parameters[$name]
        $required = [ordered]@{}
        $position = [ordered]@{}
        $byValue = $false
        $byName = $false
        foreach ($set in $Command.ParameterSets) {
            $p = $set.Parameters | Where-Object Name -EQ $name
            if (-not $p) { continue }
            $required[$set.Name] = if ($p.IsMandatory) { 'true' } else { 'false' }
            $position[$set.Name] = if ($p.Position -ge 0) { "$($p.Position)" } else { 'named' }
            $byValue = $byValue -or $p.ValueFromPipeline
            $byName = $byName -or $p.ValueFromPipelineByPropertyName
        }
        $pipeline = @(if ($byValue) { 'ByValue' }; if ($byName) { 'ByPropertyName' })
        $isShouldProcess = $ShouldProcessText.ContainsKey($name)
        $facts[$name] = [pscustomobject]@{
            Name           = $name
            TypeName       = Get-TypeDisplayName $metadata.ParameterType
            FullTypeName   = $metadata.ParameterType.FullName
            IsSwitch       = $metadata.SwitchParameter
            Required       = Join-PerSet $required
            Position       = Join-PerSet $position
            PipelineInput  = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
            Aliases        = if ($metadata.Aliases.Count) { $metadata.Aliases -join ', ' } else { 'None' }
            Globbing       = [bool]@($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
            AcceptedValues = Get-AcceptedValues $metadata
            Default        = if ($required.Values -contains 'true') { 'None' }
                             elseif ($defaults.ContainsKey($name)) { $defaults[$name] }
                             elseif ($metadata.SwitchParameter) { 'False' }
                             else { 'None' }
            IsShouldProcess = $isShouldProcess
        }
    }
    return $facts
}

function Get-SyntaxParameters($Command, $ParameterSet) {
    <# The order Get-Command -Syntax uses: positional by position, then mandatory, then the rest; WhatIf and Confirm last. #>
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    $parameters = @($ParameterSet.Parameters | Where-Object { -not $common.Contains($_.Name) -and $_.Name -ne 'UseTransaction' })
    $ordinary = @($parameters | Where-Object { -not $ShouldProcessText.ContainsKey($_.Name) })
    @($ordinary | Where-Object Position -GE 0 | Sort-Object Position) +
    @($ordinary | Where-Object { $_.Position -lt 0 -and $_.IsMandatory }) +
    @($ordinary | Where-Object { $_.Position -lt 0 -and -not $_.IsMandatory }) +
    @($parameters | Where-Object { $ShouldProcessText.ContainsKey($_.Name) } | Sort-Object { $_.Name -ne 'WhatIf' })
}

#endregion

#region Shared parameter sections

function Get-ParameterSources {
    <# The '### -Name' sections of a command: its own, then those of every shared file its '## PARAMETERS' links to
       before its first '### -Name' ("[the common API parameters](common/ApiParameters.md)"), in that file's order.
       A section of the command's own replaces the shared one of the same name, where the shared one stands, so a
       command says more where it differs (a write's -TimeoutSec) and the copies of the rest live in one file. #>
    param($Doc, [scriptblock]$Report)
    $own = @($Doc.Sections['PARAMETERS'].Subsections)
    $shared = [Collections.Generic.List[object]]::new()
    foreach ($line in $Doc.Sections['PARAMETERS'].Lines) {
        foreach ($m in [regex]::Matches($line, '\[[^\]]+\]\((?<path>[^)\s:]+\.md)\)')) {
            $path = Join-Path (Split-Path -Parent $Doc.Path) $m.Groups['path'].Value
            if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { & $Report "'## PARAMETERS' links to '$($m.Groups['path'].Value)', which does not exist."; continue }
            $source = Read-HelpMarkdown $path
            if (-not $source.Sections.Contains('PARAMETERS') -or -not $source.Sections['PARAMETERS'].Subsections.Count) {
                & $Report "'$($m.Groups['path'].Value)' (linked from '## PARAMETERS') has no '### -Name' sections under '## PARAMETERS'."
                continue
            }
            foreach ($sub in $source.Sections['PARAMETERS'].Subsections) { $shared.Add($sub) }
        }
    }
    $sharedNames = @($shared | ForEach-Object Heading)
    @($own | Where-Object { $sharedNames -notcontains $_.Heading }) +
    @(foreach ($sub in $shared) {
            $mine = @($own | Where-Object Heading -EQ $sub.Heading)
            if ($mine) { $mine } else { $sub }
        })
}

#endregion

#region Checks

function Test-HelpSource {
    <# Adds to $Problems every way the markdown falls short of the command; returns the parsed pieces. #>
    param($Command, $Doc, $Facts, [Collections.Generic.List[string]]$Problems)
    $file = $Doc.File
    $name = $Command.Name
    $report = { param($message) $Problems.Add("${file}: $message") }

    if ($Doc.Title -ne $name) { & $report "the first line must be '# $name' (found '# $($Doc.Title)')." }
    foreach ($d in $Doc.Duplicates) { & $report "'## $d' appears more than once." }
    foreach ($s in $Doc.Sections.Keys) {
        if ($s -eq 'SYNTAX') { & $report "remove '## SYNTAX': the syntax is generated from the cmdlet." }
        elseif ($KnownSections -notcontains $s) { & $report "unknown section '## $s' (known: $($KnownSections -join ', '))." }
    }
    foreach ($s in $RequiredSections) {
        if (-not $Doc.Sections.Contains($s)) { & $report "no '## $s' section." }
    }

    $help = [pscustomobject]@{ Synopsis = @(); Description = @(); Examples = @(); Parameters = [ordered]@{}; Inputs = @(); Outputs = @(); Notes = @(); Links = @() }
    if ($Doc.Sections.Contains('SYNOPSIS')) {
        $help.Synopsis = @(Get-Paragraphs $Doc.Sections['SYNOPSIS'].Lines)
        if (-not $help.Synopsis) { & $report "'## SYNOPSIS' is empty." }
        elseif ($help.Synopsis.Count -gt 1) { & $report "'## SYNOPSIS' must be one paragraph." }
    }
    if ($Doc.Sections.Contains('DESCRIPTION')) {
        $help.Description = @(Get-Paragraphs $Doc.Sections['DESCRIPTION'].Lines)
        if (-not $help.Description) { & $report "'## DESCRIPTION' is empty." }
    }
    if ($Doc.Sections.Contains('EXAMPLES')) {
        $examples = @($Doc.Sections['EXAMPLES'].Subsections)
        if ($examples.Count -lt 2) { & $report "$($examples.Count) example(s) under '## EXAMPLES'; at least 2 are required." }
        $help.Examples = @(foreach ($example in $examples) {
                if ($example.Heading -notmatch '^Example \d+') { & $report "'### $($example.Heading)' must start with 'Example <n>'." }
                $blocks = Get-MarkdownBlocks $example.Lines
                $code = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -in 'powershell', 'pwsh', 'ps' } | ForEach-Object Text)
                # An unlabelled fence is output too: that is how most people write a console listing.
                $output = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Language -in 'output', '' } | ForEach-Object Text)
                if (-not $code) { & $report "'### $($example.Heading)' has no ``````powershell code block." }
                [pscustomobject]@{
                    Title   = $example.Heading
                    Code    = (@($code) + @($output)) -join "`n`n"
                    Remarks = @($blocks | Where-Object Kind -EQ 'Text' | ForEach-Object Text)
                }
            })
    }
    if ($Doc.Sections.Contains('PARAMETERS')) {
        foreach ($sub in (Get-ParameterSources $Doc $report)) {
            if ($sub.Heading -notmatch '^-(\w+)$') { & $report "'### $($sub.Heading)' under '## PARAMETERS' must be '### -<Name>'."; continue }
            $parameterName = $Matches[1]
            if ([System.Management.Automation.Cmdlet]::CommonParameters.Contains($parameterName)) {
                & $report "'### -$parameterName' is a common parameter; Get-Help describes those itself."
                continue
            }
            $fact = $Facts.Keys | Where-Object { $_ -eq $parameterName }
            if (-not $fact) { & $report "'### -$parameterName' documents a parameter that $name does not have."; continue }
            if ($fact -cne $parameterName) { & $report "'### -$parameterName' must be spelled '### -$fact'." }
            if ($help.Parameters.Contains($fact)) { & $report "'### -$fact' appears more than once."; continue }
            $paragraphs = @(Get-Paragraphs $sub.Lines)
            $override = $paragraphs | Where-Object { $_ -match '^Default value:\s*\S' } | Select-Object -First 1
            $paragraphs = @($paragraphs | Where-Object { $_ -notmatch '^Default value:\s*\S' })
            if (-not $paragraphs) { & $report "'### -$parameterName' has no description." }
            $help.Parameters[$fact] = [pscustomobject]@{
                Paragraphs = $paragraphs
                Default    = if ($override) { ($override -replace '^Default value:\s*', '').Trim() } else { $null }
            }
        }
        foreach ($p in $Facts.Keys) {
            if (-not $help.Parameters.Contains($p) -and -not $Facts[$p].IsShouldProcess) {
                & $report "parameter -$p is not documented: add '### -$p' under '## PARAMETERS'."
            }
        }
    }
    foreach ($kind in 'INPUTS', 'OUTPUTS') {
        if (-not $Doc.Sections.Contains($kind)) { continue }
        $entries = @(foreach ($sub in $Doc.Sections[$kind].Subsections) {
                [pscustomobject]@{ Type = $sub.Heading; Paragraphs = @(Get-Paragraphs $sub.Lines) }
            })
        if (-not $entries) { & $report "'## $kind' needs at least one '### <type>' (or '### None')." }
        if ($kind -eq 'INPUTS') { $help.Inputs = $entries } else { $help.Outputs = $entries }
    }
    if ($Doc.Sections.Contains('OUTPUTS')) {
        foreach ($type in $Command.OutputType) {
            if (@($help.Outputs.Type) -notcontains $type.Name) { & $report "'## OUTPUTS' must list '### $($type.Name)', the cmdlet's [OutputType]." }
        }
    }
    if ($Doc.Sections.Contains('NOTES')) { $help.Notes = @(Get-Paragraphs $Doc.Sections['NOTES'].Lines) }
    if ($Doc.Sections.Contains('RELATED LINKS')) {
        $help.Links = @(foreach ($line in $Doc.Sections['RELATED LINKS'].Lines) {
                $text = ($line -replace '^\s*[-*]\s+', '').Trim()
                if (-not $text) { continue }
                if ($text -match '^\[([^\]]+)\]\(([^)\s]+)\)$') {
                    $linkText, $target = $Matches[1], $Matches[2]
                    [pscustomobject]@{ Text = $linkText; Uri = $(if ($target -match '^[a-z]+://') { $target } else { '' }) }
                }
                else { [pscustomobject]@{ Text = $text; Uri = '' } }
            })
    }
    foreach ($section in $Doc.Sections.Keys) {
        $all = @($Doc.Sections[$section].Lines) + @($Doc.Sections[$section].Subsections | ForEach-Object { $_.Lines })
        if (($all -join "`n") -match '\{\{.*\}\}') { & $report "'## $section' still holds a '{{ ... }}' placeholder." }
    }
    return $help
}

#endregion

#region MAML

function Write-MamlElement($Writer, [string]$Prefix, [string]$Name, [string]$Text) {
    $Writer.WriteElementString($Prefix, $Name, $Namespaces[$Prefix], $Text)
}

function Write-MamlParagraphs($Writer, [string]$Prefix, [string]$Name, [string[]]$Paragraphs) {
    $Writer.WriteStartElement($Prefix, $Name, $Namespaces[$Prefix])
    foreach ($p in $Paragraphs) { Write-MamlElement $Writer 'maml' 'para' $p }
    $Writer.WriteEndElement()
}

function Write-MamlParameter($Writer, $Fact, [string[]]$Paragraphs, [string]$Required, [string]$Position, [string]$Default) {
    $Writer.WriteStartElement('command', 'parameter', $Namespaces.command)
    $Writer.WriteAttributeString('required', $Required)
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $Fact.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Fact.PipelineInput)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $(if ($Fact.Aliases -eq 'None') { 'none' } else { $Fact.Aliases }))
    Write-MamlElement $Writer 'maml' 'name' $Fact.Name
    Write-MamlParagraphs $Writer 'maml' 'description' $Paragraphs
    if ($Fact.AcceptedValues.Count) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $Namespaces.command)
        foreach ($v in $Fact.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $Namespaces.command, 'false')
            $Writer.WriteString($v)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not $Fact.IsSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Fact.TypeName)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $Namespaces.dev)
    Write-MamlElement $Writer 'maml' 'name' $Fact.FullTypeName
    Write-MamlElement $Writer 'maml' 'uri' ''
    $Writer.WriteEndElement()
    Write-MamlElement $Writer 'dev' 'defaultValue' $Default
    $Writer.WriteEndElement()
}

function Write-MamlTypes($Writer, [string]$ListName, [string]$ItemName, $Entries) {
    $Writer.WriteStartElement('command', $ListName, $Namespaces.command)
    foreach ($entry in $Entries) {
        $Writer.WriteStartElement('command', $ItemName, $Namespaces.command)
        $Writer.WriteStartElement('dev', 'type', $Namespaces.dev)
        Write-MamlElement $Writer 'maml' 'name' $entry.Type
        $Writer.WriteEndElement()
        Write-MamlParagraphs $Writer 'maml' 'description' $entry.Paragraphs
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-MamlCommand($Writer, $Command, $Facts, $Help) {
    $Writer.WriteStartElement('command', 'command', $Namespaces.command)
    foreach ($prefix in 'maml', 'dev') { $Writer.WriteAttributeString('xmlns', $prefix, $null, $Namespaces[$prefix]) }

    $Writer.WriteStartElement('command', 'details', $Namespaces.command)
    Write-MamlElement $Writer 'command' 'name' $Command.Name
    Write-MamlElement $Writer 'command' 'verb' $Command.Verb
    Write-MamlElement $Writer 'command' 'noun' $Command.Noun
    Write-MamlParagraphs $Writer 'maml' 'description' $Help.Synopsis
    $Writer.WriteEndElement()

    Write-MamlParagraphs $Writer 'maml' 'description' $Help.Description

    $descriptionOf = {
        param($name)
        if ($Help.Parameters.Contains($name)) { $Help.Parameters[$name].Paragraphs } else { $ShouldProcessText[$name] }
        # Get-Help shows accepted values only in the syntax; say them where the parameter is described too.
        if ($Facts[$name].AcceptedValues.Count) { "Accepted values: $($Facts[$name].AcceptedValues -join ', ')" }
    }
    $defaultOf = {
        param($name)
        if ($Help.Parameters.Contains($name) -and $Help.Parameters[$name].Default) { $Help.Parameters[$name].Default } else { $Facts[$name].Default }
    }

    $Writer.WriteStartElement('command', 'syntax', $Namespaces.command)
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Namespaces.command)
        Write-MamlElement $Writer 'maml' 'name' $Command.Name
        foreach ($p in (Get-SyntaxParameters $Command $set)) {
            $position = if ($p.Position -ge 0) { "$($p.Position)" } else { 'named' }
            $required = if ($p.IsMandatory) { 'true' } else { 'false' }
            Write-MamlParameter $Writer $Facts[$p.Name] (& $descriptionOf $p.Name) $required $position (& $defaultOf $p.Name)
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Parameters in the order the author wrote them, then -WhatIf and -Confirm.
    $order = @($Help.Parameters.Keys) + @($Facts.Keys | Where-Object { $Facts[$_].IsShouldProcess -and -not $Help.Parameters.Contains($_) } | Sort-Object { $_ -ne 'WhatIf' })
    $Writer.WriteStartElement('command', 'parameters', $Namespaces.command)
    foreach ($name in $order) {
        $fact = $Facts[$name]
        Write-MamlParameter $Writer $fact (& $descriptionOf $name) $fact.Required $fact.Position (& $defaultOf $name)
    }
    $Writer.WriteEndElement()

    Write-MamlTypes $Writer 'inputTypes' 'inputType' $Help.Inputs
    Write-MamlTypes $Writer 'returnValues' 'returnValue' $Help.Outputs

    $Writer.WriteStartElement('maml', 'alertSet', $Namespaces.maml)
    Write-MamlParagraphs $Writer 'maml' 'alert' $Help.Notes
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $Namespaces.command)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $Namespaces.command)
        Write-MamlElement $Writer 'maml' 'title' "---------- $($example.Title) ----------"
        Write-MamlElement $Writer 'dev' 'code' $example.Code
        # The empty paragraph keeps a blank line between one example and the next title.
        Write-MamlParagraphs $Writer 'dev' 'remarks' (@($example.Remarks) + '')
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $Namespaces.command)
    # Get-Help -Online opens the first related link that has an address, so the command's HelpUri comes first.
    $onlineUri = if ($Command.PSObject.Properties['HelpUri']) { $Command.HelpUri }
    if ($onlineUri) {
        $Writer.WriteStartElement('maml', 'navigationLink', $Namespaces.maml)
        Write-MamlElement $Writer 'maml' 'linkText' 'Online Version:'
        Write-MamlElement $Writer 'maml' 'uri' $onlineUri
        $Writer.WriteEndElement()
    }
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $Namespaces.maml)
        Write-MamlElement $Writer 'maml' 'linkText' $link.Text
        Write-MamlElement $Writer 'maml' 'uri' $link.Uri
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

#endregion

# Full paths: 'out/Pandapon' alone would be taken for a module name, and .NET's current directory is not PowerShell's.
$ModulePath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($ModulePath)
$MarkdownPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($MarkdownPath)
$OutputPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
$module = Import-Module $ModulePath -PassThru -Force -ErrorAction Stop -WarningAction SilentlyContinue
$commands = @($module.ExportedCmdlets.Values) + @($module.ExportedFunctions.Values) | Sort-Object Name
if (-not (Test-Path -LiteralPath $MarkdownPath -PathType Container)) {
    $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
            [IO.DirectoryNotFoundException]::new("Help: the markdown folder '$MarkdownPath' does not exist."),
            'HelpSourceFolderMissing', 'ObjectNotFound', $MarkdownPath))
}
$sources = @{}
foreach ($file in Get-ChildItem -LiteralPath $MarkdownPath -Filter '*.md' -File) { $sources[$file.BaseName] = $file.FullName }

$problems = [Collections.Generic.List[string]]::new()
$documented = [Collections.Generic.List[object]]::new()
foreach ($command in $commands) {
    if (-not $sources.ContainsKey($command.Name)) {
        $problems.Add("$($command.Name).md: missing; every exported command needs one (format: docs/internals.md section 4).")
        continue
    }
    $facts = Get-ParameterFacts $command
    $help = Test-HelpSource -Command $command -Doc (Read-HelpMarkdown $sources[$command.Name]) -Facts $facts -Problems $problems
    $documented.Add([pscustomobject]@{ Command = $command; Facts = $facts; Help = $help })
}
foreach ($name in $sources.Keys | Sort-Object) {
    if (@($commands.Name) -notcontains $name) { $problems.Add("${name}.md: $($module.Name) exports no command named '$name'.") }
}
if ($problems.Count) {
    $message = "Help: $($problems.Count) problem(s) in the help sources under '$MarkdownPath':`n" + (($problems | ForEach-Object { "  $_" }) -join "`n")
    $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
            [System.IO.InvalidDataException]::new($message), 'HelpSourceInvalid', 'InvalidData', $MarkdownPath))
}

$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutputPath)
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.NewLineChars = "`n"
$settings.Encoding = [Text.UTF8Encoding]::new($false)
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($entry in $documented) { Write-MamlCommand $writer $entry.Command $entry.Facts $entry.Help }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally { $writer.Dispose() }
