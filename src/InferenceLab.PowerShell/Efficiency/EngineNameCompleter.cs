using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using InferenceLab.Core.Efficiency;
using InferenceLab.PowerShell.Catalog;

namespace InferenceLab.PowerShell.Efficiency
{
    /// <summary>Tab completion of engine profile names (generic, tensorrt-llm, vllm, sglang, llama.cpp).</summary>
    public sealed class EngineNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var profiles = EngineProfiles.All.ToDictionary(p => p.Name);
            foreach (var name in NameCompletion.Matching(profiles.Keys, wordToComplete))
            {
                yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, profiles[name].Calibration);
            }
        }
    }
}
