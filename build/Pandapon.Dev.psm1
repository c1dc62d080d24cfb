# Shared by build.ps1, the Pester runner and the tests: how to start a child pwsh and the sandbox.
Set-StrictMode -Version 3

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Get-PwshInvocation {
    <# The command (and leading arguments) that starts another pwsh like the current one: under the
       .NET local tool the process is dotnet, so the child is `dotnet <PSHOME>/pwsh.dll`. #>
    $processPath = [Environment]::ProcessPath
    $leaf = [IO.Path]::GetFileNameWithoutExtension($processPath)
    if ($leaf -eq 'dotnet') { return , @($processPath, (Join-Path $PSHOME 'pwsh.dll')) }
    return , @($processPath)
}

function Invoke-ChildPwsh {
    <# Runs a script in a fresh pwsh -NoProfile and returns its exit code; output goes to the host. #>
    param([Parameter(Mandatory)][string[]]$Arguments)
    $pwsh = Get-PwshInvocation
    $exe = $pwsh[0]
    $leading = @($pwsh | Select-Object -Skip 1)
    & $exe @leading -NoProfile -NonInteractive @Arguments | Out-Host
    return $LASTEXITCODE
}

function Get-SandboxAssembly {
    param([string]$Configuration = 'Release')
    $dll = Join-Path $script:RepoRoot "src/Pandapon.Sandbox/bin/$Configuration/net10.0/Pandapon.Sandbox.dll"
    if (-not (Test-Path $dll)) { throw "The sandbox is not built: '$dll' is missing. Run ./build.ps1 Build -Configuration $Configuration first." }
    return $dll
}

function Start-PandaponSandbox {
    <# Starts the sandbox on a free loopback port and returns its JSON line as an object with the Process
       attached (and JsonLine, the line itself). The sandbox exits by itself when this process ends (--parent-pid).
       -ArgumentList adds sandbox options, e.g. @('--fault-rate', '1', '--fault-kinds', 'reset'). #>
    param(
        [string]$Configuration = 'Release',
        [string[]]$ArgumentList = @(),
        [int]$TimeoutSec = 60
    )
    (Start-PandaponSandboxSet -Configuration $Configuration -TimeoutSec $TimeoutSec -ArgumentLists @{ only = $ArgumentList }).only
}

function Start-PandaponSandboxSet {
    <# Starts several sandboxes at once (their start-up overlaps) and returns a hashtable with the same keys as
       -ArgumentLists, each value what Start-PandaponSandbox returns. If one fails to start, all are stopped. #>
    param(
        [string]$Configuration = 'Release',
        [Parameter(Mandatory)][hashtable]$ArgumentLists,
        [int]$TimeoutSec = 60
    )
    $dll = Get-SandboxAssembly -Configuration $Configuration
    $started = [ordered]@{}
    foreach ($name in $ArgumentLists.Keys) {
        $psi = [Diagnostics.ProcessStartInfo]::new('dotnet')
        $psi.ArgumentList.Add($dll)
        foreach ($a in @('--port', '0', '--parent-pid', "$PID") + @($ArgumentLists[$name])) { $psi.ArgumentList.Add([string]$a) }
        $psi.RedirectStandardOutput = $true
        $psi.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($psi)
        $started[$name] = @{ Process = $process; Line = $process.StandardOutput.ReadLineAsync() }
    }
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $result = @{}
    foreach ($name in $started.Keys) {
        $entry = $started[$name]
        $left = [Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $entry.Line.Wait([int]$left) -or -not $entry.Line.Result) {
            $exit = if ($entry.Process.HasExited) { $entry.Process.ExitCode } else { 'still running' }
            foreach ($other in $started.Values) { if (-not $other.Process.HasExited) { $other.Process.Kill($true) } }
            $which = if ($ArgumentLists.Count -gt 1) { " '$name'" } else { '' }
            throw "The sandbox$which did not print its endpoint within $TimeoutSec s (exit code: $exit)."
        }
        $info = $entry.Line.Result | ConvertFrom-Json
        $info | Add-Member -NotePropertyName Process -NotePropertyValue $entry.Process
        $info | Add-Member -NotePropertyName JsonLine -NotePropertyValue $entry.Line.Result
        $result[$name] = $info
    }
    return $result
}

function Stop-PandaponSandbox {
    param([Parameter(Mandatory, ValueFromPipeline)]$Sandbox)
    process {
        $p = $Sandbox.Process
        if ($p -and -not $p.HasExited) {
            $p.Kill($true)
            $null = $p.WaitForExit(10000)
        }
    }
}

function Get-PesterModulePath {
    <# Pester 5.7.1 comes from NuGet: restore the download project, then find it in the package folder. #>
    $project = Join-Path $script:RepoRoot 'tests/pester/PesterRestore.csproj'
    dotnet restore $project --nologo --verbosity quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Restoring Pester from NuGet failed (dotnet restore $project)." }
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = dotnet nuget locals global-packages --list
        $packages = ($line -replace '^global-packages:\s*', '').Trim()
    }
    $manifest = Join-Path $packages 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester 5.7.1 was restored but '$manifest' is missing." }
    return $manifest
}

function New-PandaponPackage {
    <# Writes <DestinationPath>/Pandapon.<version>.nupkg from an assembled module folder with Compress-PSResource,
       which Install-PSResource accepts, and returns the file. Used by `build.ps1 Package` and Package.Tests.ps1. #>
    param(
        [Parameter(Mandatory)][string]$ModulePath,
        [Parameter(Mandatory)][string]$DestinationPath
    )
    $version = (Import-PowerShellDataFile (Join-Path $ModulePath 'Pandapon.psd1')).ModuleVersion
    $null = New-Item -ItemType Directory -Force -Path $DestinationPath
    $nupkg = Join-Path $DestinationPath "Pandapon.$version.nupkg"
    Remove-Item -LiteralPath $nupkg -ErrorAction SilentlyContinue
    Compress-PSResource -Path $ModulePath -DestinationPath $DestinationPath
    if (-not (Test-Path -LiteralPath $nupkg)) { throw "Package: '$nupkg' was not written." }
    return Get-Item -LiteralPath $nupkg
}

Export-ModuleMember -Function Get-PwshInvocation, Invoke-ChildPwsh, Get-SandboxAssembly, Start-PandaponSandbox, Start-PandaponSandboxSet, Stop-PandaponSandbox, Get-PesterModulePath, New-PandaponPackage
