# The staged module as PowerShell sees it: exports, manifest, version, dependency loading, views.
# Runs in a fresh process (Invoke-PesterSuite.ps1) against out/InferenceLab, never the source tree.

BeforeAll {
    $ModulePath = if ($env:INFERENCELAB_MODULE) { $env:INFERENCELAB_MODULE } else { Join-Path $PSScriptRoot '../../out/InferenceLab' }
    $ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    Import-Module $ModulePath -Force -ErrorAction Stop
    $Module = Get-Module InferenceLab
    $Manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $ModulePath 'InferenceLab.psd1')

    # meta-llama/Llama-2-7b-hf config.json.
    $Llama = New-InferenceModel -Name llama-2-7b -LayerCount 32 -HiddenSize 4096 -AttentionHeadCount 32 -KeyValueHeadCount 32 `
        -IntermediateSize 11008 -VocabularySize 32000 -MaxPositionEmbeddings 4096 -NativeType Fp16
}

Describe 'The staged module' {
    It 'is imported from the staged folder' {
        $Module.ModuleBase | Should -Be $ModulePath
    }

    It 'exports exactly the cmdlets its manifest lists, and no functions, aliases or variables' {
        @($Module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($Manifest.CmdletsToExport | Sort-Object)
        $Module.ExportedFunctions.Count | Should -Be 0
        $Module.ExportedAliases.Count | Should -Be 0
        $Module.ExportedVariables.Count | Should -Be 0
    }

    It 'passes Test-ModuleManifest with the version the assemblies carry' {
        $info = Test-ModuleManifest -Path (Join-Path $ModulePath 'InferenceLab.psd1') -ErrorAction Stop
        $assembly = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $ModulePath 'InferenceLab.PowerShell.dll')).Version
        $info.Version | Should -Be ([version]::new($assembly.Major, $assembly.Minor, $assembly.Build))
    }

    It 'declares an output type on every cmdlet' {
        foreach ($command in Get-Command -Module InferenceLab) {
            $command.OutputType.Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }
}

Describe 'Dependency loading' {
    BeforeAll {
        $Core = $Llama.GetType().Assembly
    }

    It 'loads InferenceLab.Core from the Dependencies folder' {
        Split-Path -Path $Core.Location -Parent | Should -Be (Join-Path $ModulePath 'Dependencies')
    }

    It 'isolates the dependencies in a load context of their own on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        [InferenceLab.PowerShell.Loader.ModuleLoader]::Isolation | Should -Be 'DependencyLoadContext'
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($Core)
        [object]::ReferenceEquals($context, [System.Runtime.Loader.AssemblyLoadContext]::Default) | Should -BeFalse
        $context.Name | Should -BeLike 'InferenceLab*'
    }

    It 'loads them with LoadFrom on Windows PowerShell, which has no load contexts' -Skip:($PSVersionTable.PSEdition -ne 'Desktop') {
        [InferenceLab.PowerShell.Loader.ModuleLoader]::Isolation | Should -Be 'LoadFrom'
    }

    It 'survives Remove-Module and a second import' {
        Remove-Module InferenceLab
        Import-Module $ModulePath -Force -ErrorAction Stop
        (Get-InferenceMemory -Model $Llama -InputLength 1).WeightBytes | Should -Be 13476831232
    }
}

Describe 'Views' {
    It 'has a table view and a list view for every output type' {
        $types = Get-Command -Module InferenceLab | ForEach-Object { $_.OutputType.Type.FullName } | Sort-Object -Unique
        $types.Count | Should -BeGreaterThan 5
        foreach ($type in $types) {
            $controls = (Get-FormatData -TypeName $type).FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name }
            $controls | Should -Contain 'TableControl' -Because $type
            $controls | Should -Contain 'ListControl' -Because $type
        }
    }

    It 'shows human units in the table while the object keeps bytes' {
        $estimate = Get-InferenceMemory -Model $Llama -InputLength 4096
        $text = $estimate | Format-Table | Out-String
        $text | Should -Match 'Weights \(GiB\)'
        # 13,476,831,232 B / 2^30 = 12.55 GiB.
        $text | Should -Match '12[.,]55'
        $estimate.WeightBytes | Should -Be 13476831232
    }

    It 'formats every output type as a table and a list without errors' {
        $datasheet = @{ Name = 'a10'; MemoryBytes = 24GB; MemoryBandwidthBytesPerSecond = 600e9; Fp16FlopsPerSecond = 125e12 }
        $gpu = New-InferenceHardware @datasheet
        $objects = @(
            $Llama
            $gpu
            Get-InferenceMemory -Model $Llama -Hardware $gpu -InputLength 512
            Get-MaxContextLength -Model $Llama -Hardware $gpu
            Get-MaxBatchSize -Model $Llama -Hardware $gpu -ContextLength 2048
            Measure-InferenceCost -Model $Llama -InputLength 512
            Measure-InferenceCost -Model $Llama -InputLength 512 -PerOperator
            Measure-RooflinePoint -Model $Llama -Hardware $gpu -InputLength 512
            Measure-InferenceLatency -Model $Llama -Hardware $gpu -InputLength 512 -OutputLength 64
            Measure-InferenceEfficiency -Model $Llama -Hardware $gpu -InputLength 512 -OutputLength 64 -TimeToFirstTokenSeconds 0.1
        )
        foreach ($object in $objects) {
            { $object | Format-Table | Out-String } | Should -Not -Throw
            $list = $object | Format-List | Out-String
            $list | Should -Not -BeNullOrEmpty
        }
    }
}
