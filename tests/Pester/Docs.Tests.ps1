# Every ```powershell block of the help pages (docs/Verb-Noun.md) and the about topic (docs/about_*.md) runs against the
# staged module without an error, each in a fresh temporary folder so examples that write files leave nothing behind.
# The values the examples show are checked against Core by xunit (ExampleOutputTests.cs); here they must run.

BeforeDiscovery {
    $docs = Join-Path $PSScriptRoot '../../docs'
    # The same pages build.ps1 -Task Help makes into help: cmdlet pages and about topics, not the reference pages.
    $pages = Get-ChildItem -LiteralPath $docs -Filter '*.md' |
        Where-Object { $_.Name -cmatch '^(about_[A-Za-z]+|[A-Z][a-z]+-[A-Z][A-Za-z]+)\.md$' } |
        Sort-Object Name
    $Examples = foreach ($page in $pages) {
        $text = (Get-Content -LiteralPath $page.FullName -Raw) -replace "`r`n", "`n"
        $number = 0
        foreach ($match in [regex]::Matches($text, '```powershell\n([\s\S]*?)```')) {
            $number++
            @{ Page = $page.Name; Number = $number; Code = $match.Groups[1].Value }
        }
    }
}

BeforeAll {
    $ModulePath = if ($env:INFERENCELAB_MODULE) { $env:INFERENCELAB_MODULE } else { Join-Path $PSScriptRoot '../../out/InferenceLab' }
    Import-Module (Resolve-Path -LiteralPath $ModulePath).ProviderPath -Force -ErrorAction Stop
}

Describe 'The examples in docs/' {
    It 'finds examples to run' {
        $Examples.Count | Should -BeGreaterThan 40
    } -ForEach @{ Examples = $Examples }

    It '<Page> block <Number> runs without an error' -ForEach $Examples {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('inferencelab-docs-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        Push-Location -LiteralPath $folder
        try {
            # Any error, terminating or not, fails the example.
            $ErrorActionPreference = 'Stop'
            $null = & ([scriptblock]::Create($Code)) | Out-String
        }
        finally {
            Pop-Location
            Remove-Item -LiteralPath $folder -Recurse -Force
        }
    }
}
