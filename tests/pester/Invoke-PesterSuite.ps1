<# Runs the Pester suite in this (child) pwsh: imports Pester by path, starts one sandbox for the whole run,
   points every test at the built module and a throw-away profile store, and writes the counts as JSON. #>
param(
    [Parameter(Mandatory)][string]$PesterPath,
    [Parameter(Mandatory)][string]$ModulePath,
    [Parameter(Mandatory)][string]$ResultFile,
    [string]$Configuration = 'Release',
    # Comma-separated Pester files (names or paths) to run instead of the whole folder: build.ps1 -PesterFile.
    [string]$Only
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../build/Pandapon.Dev.psm1') -Force
Import-Module $PesterPath -Force

$configDir = Join-Path ([IO.Path]::GetTempPath()) ("pandapon-pester-" + [Guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $configDir
$sandbox = Start-PandaponSandbox -Configuration $Configuration
try {
    $env:PANDAPON_TEST_MODULE = (Resolve-Path $ModulePath).Path
    $env:PANDAPON_TEST_SANDBOX = $sandbox.JsonLine
    $env:PANDAPON_TEST_CONFIGURATION = $Configuration
    $env:PANDAPON_CONFIG_DIR = $configDir
    foreach ($name in 'PANDAPON_ACCESS_KEY', 'PANDAPON_SECRET_KEY', 'PANDAPON_USER_ID', 'PANDAPON_ENDPOINT', 'PANDAPON_PROFILE') {
        Remove-Item "env:$name" -ErrorAction SilentlyContinue
    }

    $config = New-PesterConfiguration
    $config.Run.Path = if ($Only) {
        @($Only -split ',' | ForEach-Object { if (Test-Path $_) { (Resolve-Path $_).Path } else { Join-Path $PSScriptRoot $_ } })
    } else { $PSScriptRoot }
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    [ordered]@{ passed = $result.PassedCount; failed = $failed; skipped = $result.SkippedCount } |
        ConvertTo-Json | Set-Content -Path $ResultFile -Encoding utf8
}
finally {
    $sandbox | Stop-PandaponSandbox
    Remove-Item -Recurse -Force $configDir -ErrorAction SilentlyContinue
}
