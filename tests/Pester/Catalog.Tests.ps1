# Names, catalogs and files: Get-InferenceModel, Get-InferenceHardware, names on -Model/-Hardware, tab completion.
# Expected values come from the model cards and datasheets the built-in catalog cites (DESIGN §7, §8).

BeforeAll {
    $ModulePath = if ($env:INFERENCELAB_MODULE) { $env:INFERENCELAB_MODULE } else { Join-Path $PSScriptRoot '../../out/InferenceLab' }
    Import-Module (Resolve-Path -LiteralPath $ModulePath).ProviderPath -Force -ErrorAction Stop

    function Get-Failure {
        # Runs a script block, returning the objects it emitted and the non-terminating error records it wrote.
        param([scriptblock] $Script)
        $ErrorActionPreference = 'Continue'
        $all = @(& $Script 2>&1)
        [pscustomobject]@{
            Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }

    function Find-InnerException {
        # The first exception in the chain whose type has this name (type literals of Core need not resolve).
        param([System.Exception] $Exception, [string] $TypeName)
        while ($null -ne $Exception -and $Exception.GetType().Name -ne $TypeName) {
            $Exception = $Exception.InnerException
        }
        $Exception
    }

    # meta-llama/Llama-2-7b-hf config.json, the fields that matter.
    $LlamaConfig = @'
{
  "_name_or_path": "meta-llama/Llama-2-7b-hf",
  "architectures": ["LlamaForCausalLM"],
  "model_type": "llama",
  "hidden_size": 4096,
  "intermediate_size": 11008,
  "max_position_embeddings": 4096,
  "num_attention_heads": 32,
  "num_hidden_layers": 32,
  "num_key_value_heads": 32,
  "tie_word_embeddings": false,
  "torch_dtype": "float16",
  "vocab_size": 32000
}
'@
    $UserCatalog = @'
models:
  - name: "pester-tiny"
    layers: 2
    hidden_size: 256
    attention_heads: 4
    key_value_heads: 4
    intermediate_size: 1024
    vocab_size: 1000
    max_position_embeddings: 2048
'@
}

Describe 'Get-InferenceModel' {
    It 'finds Llama-2-7B by name, in any case and by its Hugging Face id' {
        (Get-InferenceModel llama-2-7b).TotalParameterCount | Should -Be 6738415616
        (Get-InferenceModel LLAMA-2-7B).Name | Should -Be 'llama-2-7b'
        (Get-InferenceModel 'meta-llama/Llama-2-7b-hf').Name | Should -Be 'llama-2-7b'
    }

    It 'takes wildcards and lists every model without a name' {
        $llama3 = Get-InferenceModel 'llama-3*'
        @($llama3).Count | Should -BeGreaterThan 1
        $llama3.Name | ForEach-Object { $_ | Should -BeLike 'llama-3*' }
        @(Get-InferenceModel).Count | Should -BeGreaterThan 30
        @(Get-InferenceModel 'no-such-*').Count | Should -Be 0
    }

    It 'reports an unknown name as ModelNotFound with the nearest names, and goes on' {
        $run = Get-Failure { Get-InferenceModel 'lama-2-7b', 'mistral-7b-v0.1' }
        $run.Output.Name | Should -Be 'mistral-7b-v0.1'
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'ModelNotFound,InferenceLab.PowerShell.Catalog.GetInferenceModelCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $run.Errors[0].ErrorDetails.RecommendedAction | Should -Match 'llama-2-7b'
    }

    It 'takes names from the pipeline' {
        ('llama-2-7b', 'mistral-7b-v0.1' | Get-InferenceModel).Name -join ',' | Should -Be 'llama-2-7b,mistral-7b-v0.1'
    }
}

Describe 'Get-InferenceHardware' {
    It 'finds GPUs by name, vendor spelling and wildcard' {
        $a10 = Get-InferenceHardware 'NVIDIA A10'
        $a10.Name | Should -Be 'a10'
        # A10 datasheet: 24 GiB, 600 GB/s.
        $a10.MemoryBytes | Should -Be 25769803776
        $a10.MemoryBandwidthBytesPerSecond | Should -Be 600e9
        (Get-InferenceHardware 'h100*').Name -join ',' | Should -Be 'h100-sxm,h100-pcie,h100-nvl'
    }

    It 'reports an unknown GPU as HardwareNotFound' {
        $run = Get-Failure { Get-InferenceHardware h100-sxn }
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'HardwareNotFound,InferenceLab.PowerShell.Catalog.GetInferenceHardwareCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Names on -Model and -Hardware' {
    It 'turns names into catalog objects: Llama-2-7B holding 4096 tokens on an A10' {
        $m = Get-InferenceMemory -Model llama-2-7b -Hardware a10 -InputLength 4096
        # Weights 13,476,831,232 + KV 2,147,483,648 + activations 337,641,472 + reserve 1 GiB.
        $m.TotalBytes | Should -Be 17035698176
        $m.HardwareName | Should -Be 'a10'
    }

    It 'feeds every computing cmdlet from Get-InferenceModel' {
        $model = Get-InferenceModel llama-2-7b
        ($model | Get-InferenceMemory -InputLength 512).ModelName | Should -Be 'llama-2-7b'
        ($model | Get-MaxContextLength -Hardware a10 -BatchSize 8).MaxContextLength | Should -Be 1780
        ($model | Get-MaxBatchSize -Hardware a10 -ContextLength 1024).ModelName | Should -Be 'llama-2-7b'
        @($model | Measure-InferenceCost -InputLength 512).Count | Should -Be 2
        [math]::Round(@($model | Measure-RooflinePoint -Hardware a10 -InputLength 512)[0].MachineBalanceFlopsPerByte, 1) | Should -Be 208.3
        ($model | Measure-InferenceLatency -Hardware a100-sxm-80gb -InputLength 512 -OutputLength 16).ModelName | Should -Be 'llama-2-7b'
        ($model | Measure-InferenceEfficiency -Hardware a100-sxm-80gb -InputLength 512 -OutputLength 16 -TimeToFirstTokenSeconds 0.1).ModelName | Should -Be 'llama-2-7b'
    }

    It 'binds a result to the next cmdlet by its ModelName and HardwareName alone' {
        $latency = Get-InferenceMemory llama-2-7b a100-sxm-80gb -BatchSize 1, 4 -InputLength 512 -OutputLength 128 | Measure-InferenceLatency
        ($latency | ForEach-Object { '{0}@{1}/{2}' -f $_.ModelName, $_.HardwareName, $_.BatchSize }) -join ' ' |
            Should -Be 'llama-2-7b@a100-sxm-80gb/1 llama-2-7b@a100-sxm-80gb/4'
    }

    It 'binds results of a model the session made by name too' {
        $null = New-InferenceModel -Name pester-session-model -LayerCount 2 -HiddenSize 256 -AttentionHeadCount 4 -IntermediateSize 1024 -VocabularySize 1000 -MaxPositionEmbeddings 2048
        $r = Get-InferenceMemory -Model pester-session-model -Hardware a10 -InputLength 64 -OutputLength 8 | Measure-InferenceLatency
        $r.ModelName | Should -Be 'pester-session-model'
    }

    It 'reports an unknown name as ModelNotFound with the nearest names, as a non-terminating error' {
        $run = Get-Failure { Get-InferenceMemory -Model lama-2-7b -InputLength 1 }
        $run.Output.Count | Should -Be 0
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'ModelNotFound,InferenceLab.PowerShell.Memory.GetInferenceMemoryCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $run.Errors[0].TargetObject | Should -Be 'Model=lama-2-7b'
        $run.Errors[0].ErrorDetails.RecommendedAction | Should -Match 'llama-2-7b'
        (Find-InnerException $run.Errors[0].Exception 'NotFoundException').Suggestions | Should -Contain 'llama-2-7b'

        $run = Get-Failure { Get-MaxContextLength -Model llama-2-7b -Hardware h100-sxn }
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'HardwareNotFound,InferenceLab.PowerShell.Memory.GetMaxContextLengthCommand'
        $run.Errors[0].TargetObject | Should -Be 'Hardware=h100-sxn'
    }

    It 'fails one pipeline item with an unknown name and computes the others' {
        $rows = @(
            [pscustomobject]@{ ModelName = 'no-such-model'; InputLength = 16 }
            [pscustomobject]@{ ModelName = 'llama-2-7b'; InputLength = 16 }
        )
        $run = Get-Failure { $rows | Get-InferenceMemory }
        $run.Output.Count | Should -Be 1
        $run.Output[0].ModelName | Should -Be 'llama-2-7b'
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ModelNotFound,*'
    }

    It 'takes model names and GPU names piped as strings, each by the parameter of its kind' {
        $run = Get-Failure { 'llama-2-7b', 'mistral-7b-v0.1' | Get-InferenceMemory -InputLength 16 }
        $run.Errors.Count | Should -Be 0
        $run.Output.ModelName -join ',' | Should -Be 'llama-2-7b,mistral-7b-v0.1'

        $run = Get-Failure { 'a10', 'h100-sxm' | Get-MaxContextLength -Model llama-2-7b }
        $run.Errors.Count | Should -Be 0
        $run.Output.HardwareName -join ',' | Should -Be 'a10,h100-sxm'
    }

    It 'completes model and GPU names' {
        $line = 'Get-InferenceMemory -Model llama-2-'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'llama-2-7b'
        $line = 'Get-MaxContextLength -Model llama-2-7b -Hardware h100'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'h100-sxm'
        $line = 'Get-InferenceModel mixtral'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'mixtral-8x7b'
    }
}

Describe 'Files and user catalogs' {
    BeforeAll {
        $configFolder = Join-Path $TestDrive 'llama'
        $null = New-Item -ItemType Directory -Path $configFolder
        Set-Content -LiteralPath (Join-Path $configFolder 'config.json') -Value $LlamaConfig -Encoding UTF8
        $catalogFile = Join-Path $TestDrive 'mine.yaml'
        Set-Content -LiteralPath $catalogFile -Value $UserCatalog -Encoding UTF8
        Set-Content -LiteralPath (Join-Path $TestDrive 'broken.yaml') -Value 'models: [ {name: x, layers: }' -Encoding UTF8
    }

    It 'reads a config.json by -Path with wildcards, relative to the current location' {
        Push-Location $configFolder
        try {
            $model = Get-InferenceModel -Path './conf*.json'
        }
        finally {
            Pop-Location
        }
        $model.TotalParameterCount | Should -Be 6738415616
    }

    It 'reads files by -LiteralPath and from Get-ChildItem' {
        (Get-InferenceModel -LiteralPath (Join-Path $configFolder 'config.json')).TotalParameterCount | Should -Be 6738415616
        (Get-ChildItem -LiteralPath $configFolder -Filter '*.json' | Get-InferenceModel).TotalParameterCount | Should -Be 6738415616
    }

    It 'lets a model read from a file be named afterwards' {
        $model = Get-InferenceModel -LiteralPath (Join-Path $configFolder 'config.json')
        (Get-InferenceMemory -Model $model.Name -InputLength 1).WeightBytes | Should -Be 13476831232
    }

    It 'reports missing and malformed files with their ids and categories' {
        $run = Get-Failure { Get-InferenceModel -Path (Join-Path $TestDrive 'nothing-*.json') }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFound,*'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'

        $run = Get-Failure { Get-InferenceModel -LiteralPath (Join-Path $TestDrive 'missing.json'), (Join-Path $configFolder 'config.json') }
        $run.Output.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'CatalogFileNotFound,*'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ReadError'

        $run = Get-Failure { Get-InferenceModel -LiteralPath (Join-Path $TestDrive 'broken.yaml') }
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'adds user catalogs with -CatalogPath and INFERENCELAB_CATALOG_PATH' {
        (Get-InferenceModel -CatalogPath $catalogFile -Name pester-tiny).LayerCount | Should -Be 2
        $before = $env:INFERENCELAB_CATALOG_PATH
        try {
            $env:INFERENCELAB_CATALOG_PATH = $catalogFile
            (Get-InferenceMemory -Model pester-tiny -InputLength 8).ModelName | Should -Be 'pester-tiny'
        }
        finally {
            $env:INFERENCELAB_CATALOG_PATH = $before
        }
    }

    It 'stops a name look-up whose user catalog is malformed' {
        { Get-InferenceModel -CatalogPath (Join-Path $TestDrive 'broken.yaml') -Name llama-2-7b -ErrorAction Stop } | Should -Throw
    }
}
