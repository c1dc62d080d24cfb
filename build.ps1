#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the Pandapon module.
.DESCRIPTION
    Build   (default) compiles the solution and assembles out/Pandapon from an explicit allow-list.
    Test    builds, runs the xunit suite, then Pester in a child pwsh against the sandbox, and prints
            one closing line "N passed, N failed".
    Package builds and writes out/Pandapon.<version>.nupkg for Install-PSResource.
    Demo    runs the module against a local sandbox.
    Bench   builds, then runs every bench/*.Bench.ps1 in a child pwsh (with -Configuration).
    Clean   removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    ./build.ps1 Test
.EXAMPLE
    ./build.ps1 Build -Configuration Debug
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Bench', 'Clean')]
    [string]$Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'Pandapon'
$TestResults = Join-Path $Out 'test-results'
Import-Module (Join-Path $Root 'build/Pandapon.Dev.psm1') -Force

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)][string[]]$Arguments)
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $Root 'Pandapon.psd1')).ModuleVersion
}

# What ships, and nothing else. Windows PowerShell 5.1 needs the dependency dlls beside Pandapon.dll.
$ModuleFiles = @(
    @{ From = 'Pandapon.psd1'; To = 'Pandapon.psd1' }
    @{ From = 'src/Pandapon/Pandapon.Format.ps1xml'; To = 'Pandapon.Format.ps1xml' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/Pandapon.dll'; To = 'Pandapon.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/System.Text.Json.dll'; To = 'System.Text.Json.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/System.Text.Encodings.Web.dll'; To = 'System.Text.Encodings.Web.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/Microsoft.Bcl.AsyncInterfaces.dll'; To = 'Microsoft.Bcl.AsyncInterfaces.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/System.Buffers.dll'; To = 'System.Buffers.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/System.Memory.dll'; To = 'System.Memory.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/System.Numerics.Vectors.dll'; To = 'System.Numerics.Vectors.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/System.Runtime.CompilerServices.Unsafe.dll'; To = 'System.Runtime.CompilerServices.Unsafe.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/System.Threading.Tasks.Extensions.dll'; To = 'System.Threading.Tasks.Extensions.dll' }
    @{ From = 'src/Pandapon/bin/{0}/netstandard2.0/System.Security.Cryptography.ProtectedData.dll'; To = 'System.Security.Cryptography.ProtectedData.dll' }
)

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $Root 'Pandapon.sln') -c $Configuration --nologo
    if (Test-Path $ModuleOut) { Remove-Item -Recurse -Force $ModuleOut }
    $null = New-Item -ItemType Directory -Path $ModuleOut
    foreach ($file in $ModuleFiles) {
        $source = Join-Path $Root ($file.From -f $Configuration)
        if (-not (Test-Path $source)) { throw "Build: '$source' is on the module's file list but was not produced." }
        $target = Join-Path $ModuleOut $file.To
        $null = New-Item -ItemType Directory -Force -Path (Split-Path $target)
        Copy-Item $source $target
    }
    if (Get-ChildItem $ModuleOut -Recurse -Filter 'System.Management.Automation.dll') {
        throw 'Build: System.Management.Automation.dll must never ship with the module.'
    }
    Write-Host "Built module: $ModuleOut (version $(Get-ModuleVersion), $Configuration)"
}

function Read-TrxCounts([string]$Path) {
    [xml]$trx = Get-Content -Raw $Path
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int]$counters.passed
        Failed  = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        Skipped = [int]$counters.notExecuted
    }
}

function Invoke-Test {
    Invoke-Build
    if (Test-Path $TestResults) { Remove-Item -Recurse -Force $TestResults }
    $null = New-Item -ItemType Directory -Path $TestResults

    # xunit: the C# core.
    & dotnet test (Join-Path $Root 'tests/Pandapon.Tests/Pandapon.Tests.csproj') -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $TestResults | Out-Host
    $xunitExit = $LASTEXITCODE
    $trxFile = Join-Path $TestResults 'xunit.trx'
    $xunit = if (Test-Path $trxFile) { Read-TrxCounts $trxFile } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }   # the runner itself broke

    # Pester: the built module as users meet it, in a child pwsh (loaded dlls would lock out/ in this one).
    $pesterJson = Join-Path $TestResults 'pester.json'
    $pesterExit = Invoke-ChildPwsh -Arguments @(
        '-File', (Join-Path $Root 'tests/pester/Invoke-PesterSuite.ps1'),
        '-PesterPath', (Get-PesterModulePath), '-ModulePath', $ModuleOut,
        '-ResultFile', $pesterJson, '-Configuration', $Configuration)
    $pester = if (Test-Path $pesterJson) {
        $r = Get-Content -Raw $pesterJson | ConvertFrom-Json
        [pscustomobject]@{ Passed = [int]$r.passed; Failed = [int]$r.failed; Skipped = [int]$r.skipped }
    } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    if ($pesterExit -ne 0 -and $pester.Failed -eq 0 -and -not (Test-Path $pesterJson)) { $pester.Failed = 1 }

    Write-Host ''
    Write-Host ("xunit  - passed {0}, failed {1}, skipped {2}" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)
    Write-Host ("Pester - passed {0}, failed {1}, skipped {2}" -f $pester.Passed, $pester.Failed, $pester.Skipped)
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    $summary = if ($skipped) { "$passed passed, $failed failed, $skipped skipped" } else { "$passed passed, $failed failed" }
    Write-Host $summary
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-Package {
    Invoke-Build
    $version = Get-ModuleVersion
    $nupkg = Join-Path $Out "Pandapon.$version.nupkg"
    Remove-Item $nupkg -ErrorAction SilentlyContinue
    Compress-PSResource -Path $ModuleOut -DestinationPath $Out
    if (-not (Test-Path $nupkg)) { throw "Package: '$nupkg' was not written." }
    Write-Host "Package: $nupkg"
}

function Invoke-Demo {
    Invoke-Build
    $exit = Invoke-ChildPwsh -Arguments @('-File', (Join-Path $Root 'build/Demo.ps1'), '-ModulePath', $ModuleOut, '-Configuration', $Configuration)
    if ($exit -ne 0) { throw "Demo failed (exit code $exit)." }
}

function Invoke-Bench {
    # Every bench/*.Bench.ps1 in turn, each in its own pwsh, so one benchmark's loaded dlls and
    # sandboxes never touch the next. Each script takes -Configuration.
    Invoke-Build
    $scripts = @(Get-ChildItem (Join-Path $Root 'bench') -Filter '*.Bench.ps1' -File | Sort-Object Name)
    if (-not $scripts) { throw 'Bench: no bench/*.Bench.ps1 script found.' }
    $failed = @()
    foreach ($script in $scripts) {
        Write-Host "Bench: $($script.Name)"
        $exit = Invoke-ChildPwsh -Arguments @('-File', $script.FullName, '-Configuration', $Configuration)
        if ($exit -ne 0) { $failed += $script.Name }
    }
    if ($failed) { throw "Bench: $($failed -join ', ') failed." }
}

function Invoke-Clean {
    if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
    Get-ChildItem $Root -Recurse -Directory -Include bin, obj |
        Where-Object { $_.FullName -notlike (Join-Path $Root '.git*') } |
        Remove-Item -Recurse -Force
    Write-Host 'Clean: removed out/, bin/ and obj/.'
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Clean' { Invoke-Clean }
}
