# Every cmdlet with real values, the pipeline between them, CSV round trips and errors with their ids.
# Expected values come from model cards, datasheets and hand calculations written beside them (DESIGN §8).

BeforeAll {
    $ModulePath = if ($env:INFERENCELAB_MODULE) { $env:INFERENCELAB_MODULE } else { Join-Path $PSScriptRoot '../../out/InferenceLab' }
    Import-Module (Resolve-Path -LiteralPath $ModulePath).ProviderPath -Force -ErrorAction Stop

    # meta-llama/Llama-2-7b-hf config.json: 32 layers, hidden 4096, 32 heads, 32 KV heads, intermediate 11008, vocab 32000.
    $Llama = New-InferenceModel -Name llama-2-7b -LayerCount 32 -HiddenSize 4096 -AttentionHeadCount 32 -KeyValueHeadCount 32 `
        -IntermediateSize 11008 -VocabularySize 32000 -MaxPositionEmbeddings 4096 -NativeType Fp16
    # mistralai/Mistral-7B-v0.1 config.json: 8 KV heads, intermediate 14336, sliding window 4096, 32768 positions.
    $Mistral = New-InferenceModel -Name mistral-7b-v0.1 -LayerCount 32 -HiddenSize 4096 -AttentionHeadCount 32 -KeyValueHeadCount 8 `
        -IntermediateSize 14336 -VocabularySize 32000 -MaxPositionEmbeddings 32768 -SlidingWindowSize 4096
    # NVIDIA A10 datasheet: 24 GB (GiB) GDDR6, 600 GB/s, 125 TFLOP/s dense fp16/bf16, 31.2 TFLOP/s fp32.
    $a10Datasheet = @{
        Name = 'a10'; MemoryBytes = 24GB; MemoryBandwidthBytesPerSecond = 600e9
        Fp16FlopsPerSecond = 125e12; Bf16FlopsPerSecond = 125e12; Fp32FlopsPerSecond = 31.2e12
    }
    $A10 = New-InferenceHardware @a10Datasheet
    # NVIDIA A100 SXM4 80GB datasheet: 80 GiB, 2,039 GB/s, 312 TFLOP/s dense fp16/bf16; NVLink 3, 300 GB/s per direction.
    $a100Datasheet = @{
        Name = 'a100-sxm-80gb'; MemoryBytes = 80GB; MemoryBandwidthBytesPerSecond = 2039e9
        Fp16FlopsPerSecond = 312e12; Bf16FlopsPerSecond = 312e12; Fp32FlopsPerSecond = 19.5e12
        InterconnectBandwidthBytesPerSecond = 300e9; Interconnect = 'NVLink 3'
    }
    $A100 = New-InferenceHardware @a100Datasheet

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
}

Describe 'New-InferenceModel and New-InferenceHardware' {
    It 'counts the published parameters of Llama-2-7B (6,738,415,616) and Mistral-7B (7,241,732,096)' {
        $Llama.TotalParameterCount | Should -Be 6738415616
        $Mistral.TotalParameterCount | Should -Be 7241732096
    }

    It 'copies a model piped in, replacing the fields given' {
        $long = $Llama | New-InferenceModel -Name llama-2-7b-8k -MaxPositionEmbeddings 8192
        $long.Name | Should -Be 'llama-2-7b-8k'
        $long.MaxPositionEmbeddings | Should -Be 8192
        $long.TotalParameterCount | Should -Be 6738415616
    }

    It 'prices int4 weights in groups of 128 with an fp16 scale at 0.5 + 2/128 bytes' {
        $gptq = $Llama | New-InferenceModel -Name llama-2-7b-gptq -WeightType Int4 -WeightGroupSize 128
        $gptq.WeightFormat.BytesPerWeight | Should -Be 0.515625
    }

    It 'imports a CSV of architectures row by row, a bad row failing alone' {
        $csv = Join-Path $TestDrive 'models.csv'
        @(
            [pscustomobject]@{ Name = 'llama-2-7b'; LayerCount = 32; HiddenSize = 4096; AttentionHeadCount = 32; KeyValueHeadCount = 32; IntermediateSize = 11008; VocabularySize = 32000; MaxPositionEmbeddings = 4096 }
            [pscustomobject]@{ Name = 'broken'; LayerCount = 32; HiddenSize = 4096; AttentionHeadCount = 32; KeyValueHeadCount = 5; IntermediateSize = 11008; VocabularySize = 32000; MaxPositionEmbeddings = 4096 }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $run = Get-Failure { Import-Csv -LiteralPath $csv | New-InferenceModel }
        $run.Output.Count | Should -Be 1
        $run.Output[0].TotalParameterCount | Should -Be 6738415616
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'KeyValueHeadsDoNotDivideHeads,*'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $run.Errors[0].TargetObject | Should -Be 'broken'
    }

    It 'keeps 80GB as 85,899,345,920 bytes and needs a peak rate' {
        $A100.MemoryBytes | Should -Be 85899345920
        $run = Get-Failure { New-InferenceHardware -Name mystery -MemoryBytes 16GB -MemoryBandwidthBytesPerSecond 1e12 }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PeakFlopsMissing,*'
    }
}

Describe 'Get-InferenceMemory' {
    It 'gives Llama-2-7B fp16 weights of 13,476,831,232 bytes (6,738,415,616 x 2)' {
        (Get-InferenceMemory -Model $Llama -InputLength 1).WeightBytes | Should -Be 13476831232
    }

    It 'matches the hand calculation for 4096 tokens on an A10' {
        $m = Get-InferenceMemory -Model $Llama -Hardware $A10 -InputLength 4096
        # KV: 4096 x 524,288 B; activations: 4096 x (8,192 residual + 74,240 MLP buffer); reserve 1 GiB.
        $m.KvCacheBytes | Should -Be 2147483648
        $m.ActivationBytes | Should -Be 337641472
        $m.TotalBytes | Should -Be 17035698176
        $m.Fits | Should -BeTrue
        # 0.90 x 24 GiB - total.
        [math]::Round($m.HeadroomBytes, 1) | Should -Be 6157125222.4
    }

    It 'leaves the fit fields empty without a GPU' {
        $m = Get-InferenceMemory -Model $Llama -InputLength 512
        $m.Fits | Should -BeNullOrEmpty
        $m.UsableBytes | Should -BeNullOrEmpty
        $m.HardwareName | Should -Be ''
    }

    It 'emits one object per combination, tensor-parallel degree slowest' {
        $r = Get-InferenceMemory -Model $Llama -TensorParallel 1, 2 -BatchSize 1, 8 -InputLength 512, 2048
        @($r).Count | Should -Be 8
        ($r | ForEach-Object { '{0}/{1}/{2}' -f $_.TensorParallel, $_.BatchSize, $_.InputLength }) -join ' ' |
            Should -Be '1/1/512 1/1/2048 1/8/512 1/8/2048 2/1/512 2/1/2048 2/8/512 2/8/2048'
    }

    It 'halves the KV cache with an fp8 cache given by name' {
        (Get-InferenceMemory -Model $Llama -InputLength 4096 -KvCacheType fp8).KvCacheBytes | Should -Be 1073741824
    }

    It 'writes one error for a bad point and computes the rest' {
        $run = Get-Failure { Get-InferenceMemory -Model $Llama -BatchSize 0, 2 -InputLength 128 }
        $run.Output.Count | Should -Be 1
        $run.Output[0].BatchSize | Should -Be 2
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'BatchSizeOutOfRange,InferenceLab.PowerShell.Memory.GetInferenceMemoryCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $run.Errors[0].TargetObject | Should -Be 'Model=llama-2-7b TensorParallel=1 BatchSize=0 InputLength=128 OutputLength=0'
    }

    It 'fails a tensor-parallel degree that does not divide the heads once' {
        $run = Get-Failure { Get-InferenceMemory -Model $Llama -TensorParallel 3, 1 -BatchSize 1, 2 -InputLength 128 }
        $run.Output.Count | Should -Be 2
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TensorParallelDoesNotDivideHeads,*'
    }

    It 'rejects a context past the position limit with its id' {
        $run = Get-Failure { Get-InferenceMemory -Model $Llama -InputLength 4096 -OutputLength 1 }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ContextBeyondPositionLimit,*'
    }
}

Describe 'Get-MaxContextLength' {
    It 'is the position limit at batch 1 and 1780 tokens at batch 8 for Llama-2-7B on an A10' {
        $r = Get-MaxContextLength -Model $Llama -Hardware $A10 -BatchSize 1, 8
        $r[0].MaxContextLength | Should -Be 4096
        "$($r[0].LimitedBy)" | Should -Be 'ModelMaxPositions'
        # (0.90 x 24 GiB - 13,476,831,232 - 1 GiB) / (8 x 606,720 B per token) = 1780.5.
        $r[1].MaxContextLength | Should -Be 1780
        "$($r[1].LimitedBy)" | Should -Be 'Memory'
    }

    It 'agrees with Get-InferenceMemory: 1780 tokens fit at batch 8, 1781 do not' {
        (Get-InferenceMemory -Model $Llama -Hardware $A10 -BatchSize 8 -InputLength 1780).Fits | Should -BeTrue
        (Get-InferenceMemory -Model $Llama -Hardware $A10 -BatchSize 8 -InputLength 1781).Fits | Should -BeFalse
    }

    It 'needs a GPU: HardwareMissing, InvalidArgument, once' {
        $run = Get-Failure { Get-MaxContextLength -Model $Llama -BatchSize 1, 2, 4 }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'HardwareMissing,InferenceLab.PowerShell.Memory.GetMaxContextLengthCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Get-MaxBatchSize' {
    It 'fits 4 sequences of 4096 on a 24 GB card with all memory usable (DESIGN section 8)' {
        $datasheet = @{ Name = 'card-24gb'; MemoryBytes = 24e9; MemoryBandwidthBytesPerSecond = 600e9; Fp16FlopsPerSecond = 125e12 }
        $card = New-InferenceHardware @datasheet
        $r = Get-MaxBatchSize -Model $Llama -Hardware $card -ContextLength 4096 -InputLength 1 -MemoryUtilization 1 -RuntimeReserveBytes 0
        $r.MaxBatchSize | Should -Be 4
        # (24e9 - 13,476,831,232 - 4 x 144,384 B of activations) / 524,288 B per token = 20,070.2.
        $r.KvCacheCapacityTokens | Should -Be 20070
    }
}

Describe 'Measure-InferenceCost' {
    It 'emits a prefill and a decode step by default' {
        $r = Measure-InferenceCost -Model $Llama -InputLength 512
        ($r | ForEach-Object { "$($_.Phase)" }) -join ',' | Should -Be 'Prefill,Decode'
        $r[1].ContextLength | Should -Be 512
    }

    It 'runs the prefill LM head on the last position only: 2 x 4096 x 32000 FLOPs' {
        $ops = Measure-InferenceCost -Model $Llama -InputLength 512 -Phase Prefill -PerOperator
        ($ops | Where-Object { "$($_.Operator)" -eq 'LmHead' }).Flops | Should -Be 262144000
        # Gated MLP: 3 x 2 x 512 x 4096 x 11008 per layer, 32 layers.
        ($ops | Where-Object { "$($_.Operator)" -eq 'Mlp' }).Flops | Should -Be 4432406249472
        $ops.Count | Should -Be 7
    }

    It 'reports sliding-window attention for Mistral' {
        $ops = Measure-InferenceCost -Model $Mistral -InputLength 8192 -Phase Decode -PerOperator
        ($ops | ForEach-Object { "$($_.Operator)" }) | Should -Contain 'SlidingWindowAttention'
        ($ops | ForEach-Object { "$($_.Operator)" }) | Should -Not -Contain 'Attention'
    }
}

Describe 'Measure-RooflinePoint' {
    It 'uses the datasheet machine balance: A10 208.3 and A100 153.0 FLOP/B' {
        [math]::Round((Measure-RooflinePoint -Model $Llama -Hardware $A10 -InputLength 512 -Phase Decode).MachineBalanceFlopsPerByte, 1) | Should -Be 208.3
        [math]::Round((Measure-RooflinePoint -Model $Llama -Hardware $A100 -InputLength 512 -Phase Decode).MachineBalanceFlopsPerByte, 1) | Should -Be 153.0
    }

    It 'finds batch-1 decode memory-bound' {
        "$((Measure-RooflinePoint -Model $Llama -Hardware $A100 -InputLength 512 -Phase Decode).Bound)" | Should -Be 'Memory'
    }

    It 'places each operator with -PerOperator' {
        $points = Measure-RooflinePoint -Model $Llama -Hardware $A100 -InputLength 512 -Phase Decode -PerOperator
        $points.Operator | Should -Contain 'Attention'
        $points.Operator | Should -Not -Contain 'Step'
    }
}

Describe 'Measure-InferenceLatency' {
    It 'gives a roofline TPOT of weights over bandwidth for Llama-2-7B on an A100' {
        $l = Measure-InferenceLatency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 128 -Roofline
        # 13,214,687,232 B of weights read per step / 2.039e12 B/s = 6.48 ms, plus 0.13-0.16 ms of KV cache.
        $l.TimePerOutputTokenSeconds | Should -BeGreaterThan 0.0066
        $l.TimePerOutputTokenSeconds | Should -BeLessThan 0.0067
        $l.Efficiency | Should -Be 'roofline'
    }

    It 'is slower than the roofline with the generic efficiency factors' {
        $bound = Measure-InferenceLatency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 128 -Roofline
        $real = Measure-InferenceLatency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 128
        $real.TimePerOutputTokenSeconds | Should -BeGreaterThan $bound.TimePerOutputTokenSeconds
        $real.Efficiency | Should -Be 'generic'
    }
}

Describe 'Measure-InferenceEfficiency' {
    It 'reaches the whole roofline when the measurement is the roofline itself' {
        $bound = Measure-InferenceLatency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 128 -Roofline
        # The estimate's TimeToFirstTokenSeconds, TimePerOutputTokenSeconds and OutputTokensPerSecond bind by name.
        $reports = $bound | Measure-InferenceEfficiency -Model $Llama -Hardware $A100
        @($reports).Count | Should -Be 3
        foreach ($report in $reports) {
            [math]::Round($report.RooflineFraction, 9) | Should -Be 1
        }
        # Batch-1 decode moves bytes at the full bandwidth on the roofline: MBU 1.
        [math]::Round(($reports | Where-Object { "$($_.Metric)" -eq 'TimePerOutputToken' }).ModelBandwidthUtilization, 6) | Should -Be 1
    }

    It 'needs a measurement' {
        $run = Get-Failure { Measure-InferenceEfficiency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 128 }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MeasurementMissing,*'
    }
}

Describe 'Invoke-InferenceSimulation' {
    It 'gives the static batch-1 TTFT and TPOT to requests that arrive at a very low rate' {
        # At 1e-4 requests per second every request finds the server empty: its prefill and decode steps are those of a
        # lone sequence, which Measure-InferenceLatency prices for batch 1 with the same token budget.
        $static = Measure-InferenceLatency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 64 -MaxBatchedTokens 8192
        $requests = Invoke-InferenceSimulation -Model $Llama -Hardware $A100 -RequestRate 0.0001 -RequestCount 10 -InputLength 512 -OutputLength 64 -PerRequest
        @($requests).Count | Should -Be 10
        foreach ($request in $requests) {
            [math]::Abs($request.TimeToFirstTokenSeconds / $static.TimeToFirstTokenSeconds - 1) | Should -BeLessThan 1e-9
            [math]::Abs($request.TimePerOutputTokenSeconds / $static.TimePerOutputTokenSeconds - 1) | Should -BeLessThan 1e-9
        }
    }

    It 'sweeps request rates, one summary each, and waiting grows with the rate' {
        $summaries = Invoke-InferenceSimulation -Model $Llama -Hardware $A100 -RequestRate 1, 6 -RequestCount 200 -InputLength 512 -OutputLength 64
        @($summaries).Count | Should -Be 2
        ($summaries.RequestRatePerSecond) -join ',' | Should -Be '1,6'
        $summaries[1].TimeToFirstTokenP99Seconds | Should -BeGreaterOrEqual $summaries[0].TimeToFirstTokenP99Seconds
        $summaries[0].OutputTokens | Should -Be (200 * 64)
    }

    It 'reads a trace path relative to the current location' {
        Set-Content -LiteralPath (Join-Path $TestDrive 'load.csv') -Value "arrival,prompt,output`n0,100,5`n0.5,200,3"
        Push-Location -LiteralPath $TestDrive
        try {
            $requests = Invoke-InferenceSimulation $Llama $A100 -TracePath load.csv -PerRequest
        }
        finally {
            Pop-Location
        }
        @($requests).Count | Should -Be 2
        $requests[1].TraceLine | Should -Be 3
        $requests[1].ArrivalSeconds | Should -Be 0.5
    }

    It 'reports a malformed trace as InvalidData naming the file and line' {
        $bad = Join-Path $TestDrive 'bad.csv'
        Set-Content -LiteralPath $bad -Value "0,100,5`n1,x,3"
        $run = Get-Failure { Invoke-InferenceSimulation -Model $Llama -Hardware $A100 -TracePath $bad }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TraceMalformed,*'
        "$($run.Errors[0].CategoryInfo.Category)" | Should -Be 'InvalidData'
        $run.Errors[0].Exception.Message | Should -BeLike '*bad.csv:2 *'
    }

    It 'fails a zero rate alone and runs the other rates' {
        $run = Get-Failure { Invoke-InferenceSimulation -Model $Llama -Hardware $A100 -RequestRate 0, 2 -RequestCount 20 -InputLength 100 -OutputLength 10 }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'RequestRateOutOfRange,*'
        "$($run.Errors[0].CategoryInfo.Category)" | Should -Be 'InvalidArgument'
        @($run.Output).Count | Should -Be 1
    }

    It 'exports per-request rows that carry the run''s inputs' {
        $csv = Join-Path $TestDrive 'requests.csv'
        Invoke-InferenceSimulation -Model $Llama -Hardware $A100 -Clients 4 -RequestCount 12 -InputLengthDistribution 'uniform:50:500' -OutputLength 16 -Seed 3 -PerRequest |
            Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 12
        $rows[0].ModelName | Should -Be 'llama-2-7b'
        $rows[0].Clients | Should -Be '4'
        $rows[0].InputLengths | Should -Be 'uniform:50:500'
        $rows[0].Seed | Should -Be '3'
    }
}

Describe 'Engine profiles' {
    It 'times with the calibrated TensorRT-LLM factors and names them in the result' {
        $trt = Measure-InferenceLatency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 128 -Engine tensorrt-llm
        $trt.Efficiency | Should -Be 'tensorrt-llm'
        $custom = Measure-InferenceLatency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 128 -Engine tensorrt-llm -MemoryEfficiency 0.5
        $custom.Efficiency | Should -Be 'tensorrt-llm+custom'
        # Decode is memory-bound at batch 1, so halving the bandwidth factor slows each token.
        $custom.TimePerOutputTokenSeconds | Should -BeGreaterThan $trt.TimePerOutputTokenSeconds
    }

    It 'reports the KV pool vLLM printed for Llama-3.1-8B on an H100' {
        # vLLM 0.19 start-up log (tests/data/kv-capacity-calibration.csv, R01): 476,016 tokens, 58.11x for 8,192 tokens.
        $budget = Get-MaxBatchSize -Model llama-3.1-8b -Hardware h100-sxm -ContextLength 8192 -Engine vllm -MemoryUtilization 0.95 -MaxModelLength 8192
        $budget.KvCacheTokens | Should -BeGreaterThan (476016 * 0.97)
        $budget.KvCacheTokens | Should -BeLessThan (476016 * 1.03)
        $budget.MaxConcurrency | Should -BeGreaterThan 56
        $budget.MaxConcurrency | Should -BeLessThan 60
        $budget.GetType().Name | Should -Be 'EngineMemoryBudget'
    }

    It 'fails one item for an unknown engine, naming the known ones' {
        $run = Get-Failure { Measure-InferenceLatency -Model $Llama -Hardware $A100 -InputLength 512 -OutputLength 128 -Engine tgi }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'EngineNotFound,*'
        "$($run.Errors[0].CategoryInfo.Category)" | Should -Be 'ObjectNotFound'
        $run.Errors[0].Exception.Message | Should -BeLike '*vllm*'
    }

    It 'refuses an engine memory budget for an engine without one' {
        $run = Get-Failure { Get-InferenceMemory -Model $Llama -Hardware $A100 -InputLength 512 -Engine llama.cpp }
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'EngineHasNoMemoryBudget,*'
    }
}

Describe 'The pipeline' {
    It 'takes models and GPUs by value' {
        @($Llama, $Mistral | Get-InferenceMemory -InputLength 512).Count | Should -Be 2
        @($A10, $A100 | Get-MaxContextLength -Model $Llama).HardwareName -join ',' | Should -Be 'a10,a100-sxm-80gb'
    }

    It 'passes a result into the next cmdlet by property name' {
        $estimates = Get-InferenceMemory -Model $Llama -Hardware $A100 -BatchSize 1, 4 -InputLength 512 -OutputLength 128 -KvCacheType Fp8
        $latency = $estimates | Measure-InferenceLatency -Model $Llama -Hardware $A100
        ($latency | ForEach-Object { '{0}/{1}/{2}/{3}' -f $_.BatchSize, $_.InputLength, $_.OutputLength, $_.KvCacheType }) -join ' ' |
            Should -Be '1/512/128/Fp8 4/512/128/Fp8'
    }

    It 'feeds every computing cmdlet from New-InferenceModel' {
        ($Llama | Get-InferenceMemory -InputLength 512).ModelName | Should -Be 'llama-2-7b'
        ($Llama | Get-MaxContextLength -Hardware $A10).ModelName | Should -Be 'llama-2-7b'
        ($Llama | Get-MaxBatchSize -Hardware $A10 -ContextLength 1024).ModelName | Should -Be 'llama-2-7b'
        @($Llama | Measure-InferenceCost -InputLength 512)[0].ModelName | Should -Be 'llama-2-7b'
        @($Llama | Measure-RooflinePoint -Hardware $A10 -InputLength 512)[0].ModelName | Should -Be 'llama-2-7b'
        ($Llama | Measure-InferenceLatency -Hardware $A10 -InputLength 512 -OutputLength 16).ModelName | Should -Be 'llama-2-7b'
        ($Llama | Measure-InferenceEfficiency -Hardware $A10 -InputLength 512 -OutputLength 16 -TimeToFirstTokenSeconds 0.2).ModelName | Should -Be 'llama-2-7b'
    }
}

Describe 'CSV export' {
    It 'round-trips exact base units, and the rows bind back by property name' {
        $csv = Join-Path $TestDrive 'memory.csv'
        $original = Get-InferenceMemory -Model $Llama -Hardware $A10 -BatchSize 1, 8 -InputLength 1024 -OutputLength 256
        $original | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv

        $rows.Count | Should -Be 2
        [double]$rows[0].WeightBytes | Should -Be 13476831232
        [double]$rows[1].KvCacheBytes | Should -Be $original[1].KvCacheBytes
        $rows[1].ModelName | Should -Be 'llama-2-7b'
        $rows[1].HardwareName | Should -Be 'a10'
        $rows[1].BatchSize | Should -Be '8'
        (Get-Content -LiteralPath $csv -Raw) | Should -Not -Match 'GiB'

        $again = $rows | Get-InferenceMemory -Model $Llama -Hardware $A10
        ($again | ForEach-Object TotalBytes) -join ',' | Should -Be (($original | ForEach-Object TotalBytes) -join ',')
    }
}

Describe 'Output values' {
    It 'carries no NaN, infinity or negative number across a sweep' {
        $objects = @(
            Get-InferenceMemory -Model $Mistral -Hardware $A10 -BatchSize 1, 64 -InputLength 1, 30000
            Get-MaxContextLength -Model $Mistral -Hardware $A10 -BatchSize 1, 1000
            Get-MaxBatchSize -Model $Mistral -Hardware $A10 -ContextLength 1, 32000
            Measure-InferenceCost -Model $Mistral -BatchSize 1, 64 -InputLength 1, 8192 -PerOperator
            Measure-InferenceLatency -Model $Mistral -Hardware $A100 -BatchSize 1, 64 -InputLength 1, 8192 -OutputLength 1, 512
        )
        $objects.Count | Should -BeGreaterThan 40
        foreach ($object in $objects) {
            foreach ($property in $object.PSObject.Properties) {
                if ($property.Value -is [double]) {
                    [double]::IsNaN($property.Value) | Should -BeFalse -Because $property.Name
                    [double]::IsInfinity($property.Value) | Should -BeFalse -Because $property.Name
                    $property.Value | Should -BeGreaterOrEqual 0 -Because $property.Name
                }
            }
        }
    }
}
