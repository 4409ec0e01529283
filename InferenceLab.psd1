#
# InferenceLab module manifest. The copy at the repository root is the source: `dotnet build` stages it into
# out/InferenceLab/ with ModuleVersion taken from Directory.Build.props <Version>, the version every assembly carries.
#
@{
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = '4c6c510d-3cb2-44a9-9bbf-b2736602faac'
    Author               = 'InferenceLab contributors'
    CompanyName          = 'InferenceLab contributors'
    Copyright            = 'Copyright (c) 2026 InferenceLab contributors'
    Description          = 'LLM inference arithmetic from a model''s architecture and a GPU''s datasheet: memory, context and batch limits, FLOPs and bytes per step, roofline, latency and throughput, and efficiency from measurements.'

    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    # Windows PowerShell loads netstandard2.0 assemblies reliably from .NET Framework 4.7.2 on.
    DotNetFrameworkVersion = '4.7.2'

    # The loader must come first: it tells the process where InferenceLab.Core lives (the Dependencies folder, in an
    # AssemblyLoadContext of its own on PowerShell 7) before PowerShell analyses the cmdlet assembly, whose types use Core.
    NestedModules        = @(
        'InferenceLab.PowerShell.Loader.dll',
        'InferenceLab.PowerShell.dll'
    )
    FormatsToProcess     = @('InferenceLab.Format.ps1xml')

    CmdletsToExport      = @(
        'Get-InferenceModel',
        'Get-InferenceHardware',
        'New-InferenceModel',
        'New-InferenceHardware',
        'Get-InferenceMemory',
        'Get-MaxContextLength',
        'Get-MaxBatchSize',
        'Measure-InferenceCost',
        'Measure-RooflinePoint',
        'Measure-InferenceLatency',
        'Measure-InferenceEfficiency',
        'Invoke-InferenceSimulation',
        'Export-RooflineChart',
        'Export-InferenceChart'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('LLM', 'Inference', 'GPU', 'Roofline', 'KVCache', 'Transformer', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/InferenceLab/InferenceLab'
            LicenseUri   = 'https://github.com/InferenceLab/InferenceLab/blob/main/LICENSE'
            ReleaseNotes = @'
First release: cmdlets for memory (Get-InferenceMemory), context and batch limits (Get-MaxContextLength, Get-MaxBatchSize),
step cost and roofline (Measure-InferenceCost, Measure-RooflinePoint), latency and throughput (Measure-InferenceLatency),
efficiency from measurements (Measure-InferenceEfficiency), and a serving simulation with latency percentiles under load
(Invoke-InferenceSimulation), for models and GPUs from the built-in catalogs
(Get-InferenceModel, Get-InferenceHardware, by name with tab completion), user catalogs, Hugging Face config.json files,
or made field by field (New-InferenceModel, New-InferenceHardware). Every numeric parameter of a scenario takes arrays
and sweeps their combinations. Charts as self-contained SVG: Export-RooflineChart (a log-log roofline of
Measure-RooflinePoint's output) and Export-InferenceChart (any numeric property of piped results against another).
'@
        }
    }
}
