<#
.SYNOPSIS
    Runs InferenceLab's Pester tests against a staged module folder, in this (fresh) process.
.DESCRIPTION
    build.ps1 -Task Test and the xunit wrapper (tests/InferenceLab.PowerShell.Tests/PesterTests.cs) start this script in a
    child `pwsh -NoProfile`, so the module under test is the staged out/InferenceLab and nothing a profile loaded. The
    exit code is 0 only when every test passed and at least one ran.
#>
[CmdletBinding()]
param(
    # Test files or folders.
    [Parameter(Mandatory = $true)]
    [string[]] $Path,

    # The staged module folder (out/InferenceLab).
    [Parameter(Mandatory = $true)]
    [string] $ModulePath,

    # Where to write JUnit XML results; none when empty.
    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
Import-Module Pester -MinimumVersion 5.0

$env:INFERENCELAB_MODULE = (Resolve-Path -LiteralPath $ModulePath).ProviderPath

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
if ($ResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'JUnitXml'
    $configuration.TestResult.OutputPath = $ResultPath
}

$result = Invoke-Pester -Configuration $configuration
if ($result.FailedCount -gt 0 -or $result.FailedBlocksCount -gt 0 -or $result.FailedContainersCount -gt 0) {
    exit 1
}

if ($result.PassedCount -eq 0) {
    Write-Error 'No Pester test ran.' -ErrorAction Continue
    exit 2
}

exit 0
