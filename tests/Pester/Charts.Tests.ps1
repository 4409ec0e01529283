# Export-RooflineChart and Export-InferenceChart against the staged module: real pipelines, provider paths, and errors
# with their ids. Expected figures come from the A100 SXM4 80GB datasheet (2,039 GB/s, 312 TFLOP/s dense fp16/bf16,
# 19.5 TFLOP/s fp32): the ridge sits at 312e12 / 2.039e12 = 153.0 FLOP/B (DESIGN section 8).

BeforeAll {
    $ModulePath = if ($env:INFERENCELAB_MODULE) { $env:INFERENCELAB_MODULE } else { Join-Path $PSScriptRoot '../../out/InferenceLab' }
    Import-Module (Resolve-Path -LiteralPath $ModulePath).ProviderPath -Force -ErrorAction Stop

    # meta-llama/Llama-2-7b-hf config.json: 32 layers, hidden 4096, 32 heads, 32 KV heads, intermediate 11008, vocab 32000.
    $Llama = New-InferenceModel -Name llama-2-7b -LayerCount 32 -HiddenSize 4096 -AttentionHeadCount 32 -KeyValueHeadCount 32 `
        -IntermediateSize 11008 -VocabularySize 32000 -MaxPositionEmbeddings 4096 -NativeType Fp16
    $a100Datasheet = @{
        Name = 'a100-sxm-80gb'; MemoryBytes = 80GB; MemoryBandwidthBytesPerSecond = 2039e9
        Fp16FlopsPerSecond = 312e12; Bf16FlopsPerSecond = 312e12; Fp32FlopsPerSecond = 19.5e12
    }
    $A100 = New-InferenceHardware @a100Datasheet
    # NVIDIA A10 datasheet: 24 GB (GiB) GDDR6, 600 GB/s, 125 TFLOP/s dense fp16/bf16, 31.2 TFLOP/s fp32.
    $a10Datasheet = @{
        Name = 'a10'; MemoryBytes = 24GB; MemoryBandwidthBytesPerSecond = 600e9
        Fp16FlopsPerSecond = 125e12; Bf16FlopsPerSecond = 125e12; Fp32FlopsPerSecond = 31.2e12
    }
    $A10 = New-InferenceHardware @a10Datasheet

    function Read-Svg {
        param([string] $Path)
        [xml](Get-Content -LiteralPath $Path -Raw)
    }

    function Get-ByClass {
        # The elements whose class attribute holds this class (SVG elements are in the SVG namespace; * matches them).
        param($Xml, [string] $Class)
        @($Xml.SelectNodes("//*[contains(concat(' ', @class, ' '), ' $Class ')]"))
    }

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

Describe 'Export-RooflineChart' {
    It 'charts the points piped from Measure-RooflinePoint and outputs the file' {
        $path = Join-Path $TestDrive 'roofline.svg'
        $file = Measure-RooflinePoint -Model $Llama -Hardware $A100 -BatchSize 1, 64 -InputLength 1024 | Export-RooflineChart -Path $path

        $file | Should -BeOfType System.IO.FileInfo
        $file.FullName | Should -Be (Get-Item -LiteralPath $path).FullName
        $svg = Read-Svg $path
        $svg.DocumentElement.LocalName | Should -Be 'svg'
        $svg.DocumentElement.GetAttribute('role') | Should -Be 'img'
        (Get-ByClass $svg 'chart-title')[0].InnerText | Should -Be 'Roofline: llama-2-7b on a100-sxm-80gb'
        @(Get-ByClass $svg 'point' | ForEach-Object { $_.GetAttribute('data-label') } | Sort-Object) -join ',' |
            Should -Be 'decode B=1,decode B=64,prefill B=1,prefill B=64'
        # The session's a100-sxm-80gb has fp32, bf16 and fp16 rates: two ceilings, the points' one solid.
        @(Get-ByClass $svg 'compute-ceiling' | ForEach-Object { $_.GetAttribute('data-types') }) -join ',' | Should -Be 'fp32,bf16/fp16'
        (Get-ByClass $svg 'primary')[0].GetAttribute('data-types') | Should -Be 'bf16/fp16'
        (Get-ByClass $svg 'ridge-label')[0].InnerText | Should -Be 'ridge 153 FLOP/B'
    }

    It 'charts each operator with -PerOperator and notes the embedding, which has no FLOPs' {
        $path = Join-Path $TestDrive 'operators.svg'
        Measure-RooflinePoint -Model $Llama -Hardware $A100 -InputLength 1024 -Phase Decode -PerOperator | Export-RooflineChart -LiteralPath $path | Out-Null

        $svg = Read-Svg $path
        @(Get-ByClass $svg 'point').Count | Should -Be 6
        (Get-ByClass $svg 'notes')[0].InnerText | Should -Match 'Embedding decode B=1'
    }

    It 'draws the ceilings asked for with -CeilingType and takes -Title' {
        $path = Join-Path $TestDrive 'title.svg'
        $A10, $A100 | Measure-RooflinePoint -Model $Llama -InputLength 1024 | Export-RooflineChart -Path $path -Title 'Two GPUs' -CeilingType Fp32 | Out-Null

        $svg = Read-Svg $path
        (Get-ByClass $svg 'chart-title')[0].InnerText | Should -Be 'Two GPUs'
        # Two GPUs: each one's fp16 ceiling (the points' type) and the fp32 one asked for.
        @(Get-ByClass $svg 'compute-ceiling').Count | Should -Be 4
        @(Get-ByClass $svg 'memory-ceiling').Count | Should -Be 2
    }

    It 'resolves a relative path against the current location and a path on a PSDrive' {
        $points = Measure-RooflinePoint -Model $Llama -Hardware $A100 -InputLength 512 -Phase Decode
        Push-Location -LiteralPath $TestDrive
        try {
            $points | Export-RooflineChart -Path 'relative.svg' | Out-Null
        }
        finally {
            Pop-Location
        }

        Test-Path -LiteralPath (Join-Path $TestDrive 'relative.svg') | Should -BeTrue
        $null = New-PSDrive -Name ChartOut -PSProvider FileSystem -Root $TestDrive
        try {
            $file = $points | Export-RooflineChart -Path 'ChartOut:\on-drive.svg'
        }
        finally {
            Remove-PSDrive -Name ChartOut
        }

        $file.FullName | Should -Be (Join-Path $TestDrive 'on-drive.svg')
    }

    It 'takes wildcards in -Path only when they match one file' {
        $points = Measure-RooflinePoint -Model $Llama -Hardware $A100 -InputLength 512 -Phase Decode
        Set-Content -LiteralPath (Join-Path $TestDrive 'wild-one.svg') -Value 'old'
        $file = $points | Export-RooflineChart -Path (Join-Path $TestDrive 'wild-o*.svg')
        $file.Name | Should -Be 'wild-one.svg'
        (Get-Content -LiteralPath $file.FullName -Raw) | Should -Match '<svg'

        Set-Content -LiteralPath (Join-Path $TestDrive 'wild-two.svg') -Value 'old'
        { $points | Export-RooflineChart -Path (Join-Path $TestDrive 'wild-*.svg') } | Should -Throw -ErrorId 'PathMatchesSeveralFiles'
    }

    It 'writes nothing with -WhatIf and keeps an existing file with -NoClobber' {
        $points = Measure-RooflinePoint -Model $Llama -Hardware $A100 -InputLength 512 -Phase Decode
        $path = Join-Path $TestDrive 'whatif.svg'
        $points | Export-RooflineChart -Path $path -WhatIf
        Test-Path -LiteralPath $path | Should -BeFalse

        Set-Content -LiteralPath $path -Value 'keep me'
        { $points | Export-RooflineChart -Path $path -NoClobber } | Should -Throw -ErrorId 'ChartFileExists'
        (Get-Content -LiteralPath $path -Raw).Trim() | Should -Be 'keep me'
    }

    It 'stops with ChartHasNoPoints when nothing arrives' {
        { @() | Export-RooflineChart -Path (Join-Path $TestDrive 'empty.svg') } | Should -Throw -ErrorId 'ChartHasNoPoints'
        Test-Path -LiteralPath (Join-Path $TestDrive 'empty.svg') | Should -BeFalse
    }

    It 'needs a file system path' {
        $points = Measure-RooflinePoint -Model $Llama -Hardware $A100 -InputLength 512 -Phase Decode
        { $points | Export-RooflineChart -Path 'Variable:\chart' } | Should -Throw -ErrorId 'PathNotFileSystem'
    }
}

Describe 'Export-InferenceChart' {
    BeforeAll {
        $Latency = $A10, $A100 | Measure-InferenceLatency -Model $Llama -BatchSize 1, 4, 16 -InputLength 512 -OutputLength 64
    }

    It 'charts throughput against batch size, one line per model and GPU' {
        $path = Join-Path $TestDrive 'throughput.svg'
        $file = $Latency | Export-InferenceChart -Path $path -X BatchSize -Y OutputTokensPerSecond

        $file | Should -BeOfType System.IO.FileInfo
        $svg = Read-Svg $path
        (Get-ByClass $svg 'chart-title')[0].InnerText | Should -Be 'Output throughput vs batch size'
        $series = Get-ByClass $svg 'series'
        @($series | ForEach-Object { $_.GetAttribute('data-series') }) -join ',' | Should -Be 'llama-2-7b on a10,llama-2-7b on a100-sxm-80gb'
        # Each marker carries the exact values it was drawn from.
        $a100 = $Latency | Where-Object { $_.HardwareName -eq 'a100-sxm-80gb' -and $_.BatchSize -eq 4 }
        $point = @($series[1].ChildNodes | Where-Object { $_.LocalName -eq 'g' -and $_.GetAttribute('data-x') -eq '4' })[0]
        [double]$point.GetAttribute('data-y') | Should -Be $a100.OutputTokensPerSecond
    }

    It 'reads Select-Object output and custom objects through their PowerShell properties' {
        $path = Join-Path $TestDrive 'select.svg'
        $ttft = @{ Name = 'Ttft'; Expression = { $_.TimeToFirstTokenSeconds } }
        $Latency | Select-Object -Property 'BatchSize', 'HardwareName', $ttft | Export-InferenceChart -Path $path -X BatchSize -Y Ttft -Series HardwareName | Out-Null
        @(Get-ByClass (Read-Svg $path) 'series' | ForEach-Object { $_.GetAttribute('data-series') }) -join ',' | Should -Be 'a10,a100-sxm-80gb'

        $custom = Join-Path $TestDrive 'custom.svg'
        @([pscustomobject]@{ Size = 1; Value = 10 }, [pscustomobject]@{ Size = 2; Value = 20 }) | Export-InferenceChart -Path $custom -X Size -Y Value | Out-Null
        @(Get-ByClass (Read-Svg $custom) 'series')[0].GetAttribute('data-series') | Should -Be 'Value'

        $hashtables = Join-Path $TestDrive 'hashtable.svg'
        @(@{ Size = 1; Value = 10 }, @{ Size = 2; Value = 20 }) | Export-InferenceChart -Path $hashtables -X Size -Y Value | Out-Null
        @(Get-ByClass (Read-Svg $hashtables) 'marker').Count | Should -Be 2
    }

    It 'charts Import-Csv rows, whose numbers are text' {
        $csv = Join-Path $TestDrive 'latency.csv'
        $Latency | Export-Csv -LiteralPath $csv -NoTypeInformation
        $path = Join-Path $TestDrive 'from-csv.svg'
        Import-Csv -LiteralPath $csv | Export-InferenceChart -Path $path -X InputLength -Y TimeToFirstTokenSeconds -Series 'HardwareName', 'BatchSize' | Out-Null
        @(Get-ByClass (Read-Svg $path) 'series').Count | Should -Be 6
    }

    It 'puts names on x as an axis of names' {
        $path = Join-Path $TestDrive 'context.svg'
        $A10, $A100 | Get-MaxContextLength -Model $Llama -BatchSize 8 | Export-InferenceChart -Path $path -X HardwareName -Y MaxContextLength | Out-Null
        $svg = Read-Svg $path
        @((Get-ByClass $svg 'x-axis')[0].SelectNodes("*[@class='tick']") | ForEach-Object { $_.InnerText }) -join ',' | Should -Be 'a10,a100-sxm-80gb'
    }

    It 'writes one error for a record without the property and charts the rest' {
        $path = Join-Path $TestDrive 'partial.svg'
        $run = Get-Failure { @([pscustomobject]@{ A = 1; B = 2 }, [pscustomobject]@{ A = 2 }, [pscustomobject]@{ A = 3; B = 4 }) | Export-InferenceChart -Path $path -X A -Y B }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'ChartPropertyMissing,*'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $run.Output[0] | Should -BeOfType System.IO.FileInfo
        @(Get-ByClass (Read-Svg $path) 'marker').Count | Should -Be 2
    }

    It 'warns when a line has several values at one x' {
        $path = Join-Path $TestDrive 'repeated.svg'
        $Latency | Export-InferenceChart -Path $path -X BatchSize -Y OutputTokensPerSecond -Series @() -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'several OutputTokensPerSecond values at BatchSize'
    }

    It 'rejects a log axis with a value that is not positive' {
        { @([pscustomobject]@{ A = 1; B = 0 }, [pscustomobject]@{ A = 2; B = 1 }) | Export-InferenceChart -Path (Join-Path $TestDrive 'log.svg') -X A -Y B -YScale Log } |
            Should -Throw -ErrorId 'LogAxisNeedsPositiveValues'
    }
}
