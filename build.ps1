<#
.SYNOPSIS
    Builds, tests, documents and packages the InferenceLab PowerShell module.
.DESCRIPTION
    Build    dotnet build of the solution; it stages the module folder out/InferenceLab (manifest with the version of
             Directory.Build.props, DLLs, views, about help, and the MAML help when Help made it).
    Test     xunit (dotnet test), then the Pester suite in a child process of this same PowerShell (-NoProfile)
             against out/InferenceLab. Run this script with pwsh for PowerShell 7, with powershell.exe for 5.1.
    Help     docs/*.md (PlatyPS markdown, one page per cmdlet) into en-US/InferenceLab.PowerShell.dll-Help.xml.
    Package  a clean copy of the staged module in out/package/InferenceLab, ready for Publish-PSResource or
             Publish-Module.
    Tasks run in the order given.
.EXAMPLE
    ./build.ps1 -Task Build, Test
.EXAMPLE
    ./build.ps1 -Task Build, Help, Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$Solution = Join-Path $Root 'InferenceLab.sln'
$ModuleOut = Join-Path $Root 'out/InferenceLab'
$HelpOut = Join-Path $Root 'artifacts/help/en-US'
$TestResults = Join-Path $Root 'artifacts/test-results'
$PackageOut = Join-Path $Root 'out/package/InferenceLab'
$Docs = Join-Path $Root 'docs'
$HelpFileName = 'InferenceLab.PowerShell.dll-Help.xml'

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    Write-Host "> $Command $($Arguments -join ' ')" -ForegroundColor Cyan
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Command exited with $LASTEXITCODE."
    }
}

function Install-RequiredModule {
    param([string] $Name, [version] $MinimumVersion)
    if (Get-Module -ListAvailable -Name $Name | Where-Object { $_.Version -ge $MinimumVersion }) {
        return
    }

    Write-Host "Installing $Name $MinimumVersion or later for the current user" -ForegroundColor Cyan
    Install-Module -Name $Name -MinimumVersion $MinimumVersion -Scope CurrentUser -Force -SkipPublisherCheck -AllowClobber
}

function Invoke-BuildTask {
    Invoke-Native 'dotnet' @('build', $Solution, '--configuration', $Configuration)
    if (-not (Test-Path -LiteralPath (Join-Path $ModuleOut 'InferenceLab.psd1'))) {
        throw "dotnet build did not stage $ModuleOut."
    }
}

function Invoke-TestTask {
    # The xunit Pester wrapper (Category=Pester) is left out: the suite runs below, once, with its own output.
    $null = New-Item -ItemType Directory -Force -Path $TestResults
    Invoke-Native 'dotnet' @('test', $Solution, '--configuration', $Configuration, '--filter', 'Category!=Pester',
        '--logger', 'trx', '--results-directory', $TestResults)

    Install-RequiredModule -Name Pester -MinimumVersion '5.0'
    # A fresh process of the PowerShell running this script: no profile, and nothing of the module loaded yet.
    $powershell = (Get-Process -Id $PID).Path
    Invoke-Native $powershell @('-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1'),
        '-Path', (Join-Path $Root 'tests/Pester'), '-ModulePath', $ModuleOut,
        '-ResultPath', (Join-Path $TestResults "pester-$($PSVersionTable.PSEdition).xml"))
}

function Invoke-HelpTask {
    # Only the PlatyPS pages: one per cmdlet (Verb-Noun.md) and the about topics. docs/ also holds reference pages
    # (accuracy.md, memory.md, cli.md, ...) that are not help and that New-ExternalHelp cannot parse.
    $pages = @(Get-ChildItem -Path (Join-Path $Docs '*.md') -ErrorAction SilentlyContinue |
        Where-Object { $_.Name -cmatch '^(about_[A-Za-z]+|[A-Z][a-z]+-[A-Z][A-Za-z]+)\.md$' })
    if ($pages.Count -eq 0) {
        Write-Warning "docs/ has no markdown pages yet, so no MAML help was made."
        return
    }

    Install-RequiredModule -Name platyPS -MinimumVersion '0.14.2'
    Import-Module platyPS -MinimumVersion '0.14.2'
    if (Test-Path -LiteralPath $HelpOut) {
        Remove-Item -LiteralPath $HelpOut -Recurse -Force
    }

    $null = New-Item -ItemType Directory -Force -Path $HelpOut
    # One MAML file per 'external help file' named in the pages' metadata; about_*.md become about_*.help.txt.
    New-ExternalHelp -Path $pages.FullName -OutputPath $HelpOut -Force | Out-Null
    if (-not (Test-Path -LiteralPath (Join-Path $HelpOut $HelpFileName))) {
        throw "docs/ made no ${HelpFileName}: each cmdlet page's metadata must say 'external help file: $HelpFileName'."
    }

    # Into the staged module now; later builds copy it from artifacts/help again.
    if (Test-Path -LiteralPath $ModuleOut) {
        $null = New-Item -ItemType Directory -Force -Path (Join-Path $ModuleOut 'en-US')
        Copy-Item -Path (Join-Path $HelpOut '*') -Destination (Join-Path $ModuleOut 'en-US') -Force
    }
}

function Invoke-PackageTask {
    if (-not (Test-Path -LiteralPath (Join-Path $ModuleOut 'InferenceLab.psd1'))) {
        Invoke-BuildTask
    }

    if (-not (Test-Path -LiteralPath (Join-Path $ModuleOut "en-US/$HelpFileName"))) {
        Write-Warning "The module has no $HelpFileName; run -Task Help first to ship Get-Help pages."
    }

    if (Test-Path -LiteralPath $PackageOut) {
        Remove-Item -LiteralPath $PackageOut -Recurse -Force
    }

    $null = New-Item -ItemType Directory -Force -Path $PackageOut
    Copy-Item -Path (Join-Path $ModuleOut '*') -Destination $PackageOut -Recurse
    foreach ($file in 'README.md', 'LICENSE') {
        $path = Join-Path $Root $file
        if (Test-Path -LiteralPath $path) {
            Copy-Item -LiteralPath $path -Destination $PackageOut
        }
    }

    $manifest = Test-ModuleManifest -Path (Join-Path $PackageOut 'InferenceLab.psd1')
    Write-Host "Packaged InferenceLab $($manifest.Version) in $PackageOut" -ForegroundColor Green
    Write-Host "Publish with: Publish-PSResource -Path '$PackageOut' -Repository PSGallery -ApiKey <key>"
}

foreach ($name in $Task) {
    Write-Host "== $name ==" -ForegroundColor Green
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Help' { Invoke-HelpTask }
        'Package' { Invoke-PackageTask }
    }
}
