using System;
using System.Collections.Generic;

namespace InferenceLab.Core.Efficiency
{
    /// <summary>
    /// A serving engine as InferenceLab models it: the efficiency factors its kernels reach, and whether they were fitted to
    /// published measurements of that engine or stand in from the generic profile.
    /// </summary>
    public sealed class EngineProfile
    {
        internal EngineProfile(string name, IReadOnlyList<string> aliases, EfficiencyProfile efficiency, int calibrationRows, string calibration, Memory.EngineMemoryModel? memory = null)
        {
            Memory = memory;
            Name = name;
            Aliases = aliases;
            Efficiency = efficiency;
            CalibrationRowCount = calibrationRows;
            Calibration = calibration;
        }

        /// <summary>Profile name: generic, tensorrt-llm, vllm, sglang or llama.cpp.</summary>
        public string Name { get; }

        /// <summary>Other spellings accepted by <see cref="EngineProfiles.Get"/>.</summary>
        public IReadOnlyList<string> Aliases { get; }

        /// <summary>The efficiency factors time estimates use.</summary>
        public EfficiencyProfile Efficiency { get; }

        /// <summary>True when the factors were fitted to published measurements of this engine.</summary>
        public bool IsCalibrated => CalibrationRowCount > 0;

        /// <summary>Published measurements of this engine the factors were fitted to.</summary>
        public int CalibrationRowCount { get; }

        /// <summary>How the factors were obtained, or why they fall back to the generic ones.</summary>
        public string Calibration { get; }

        /// <summary>How the engine sizes its KV pool at start-up; null for profiles without one (generic, llama.cpp).</summary>
        public Memory.EngineMemoryModel? Memory { get; }

        /// <summary>The profile name.</summary>
        public override string ToString() => Name;
    }
}
