using System;
using System.Linq;
using InferenceLab.Core.Efficiency;
using Xunit.Abstractions;

namespace InferenceLab.Core.Tests.Calibration
{
    /// <summary>
    /// The fitting procedure behind <see cref="EngineProfiles"/>, re-run on tests/data/calibration.csv. Each test prints the
    /// fitted factors and every row's error (dotnet test --filter CalibrationFitTests --logger "console;verbosity=detailed"),
    /// and checks that the factors committed in EngineProfiles are this procedure's optimum, to their rounding.
    /// </summary>
    public sealed class CalibrationFitTests
    {
        private readonly ITestOutputHelper output;

        public CalibrationFitTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public void TensorRtLlm_factors_are_the_fit_of_its_23_rows()
        {
            var rows = CalibrationRow.Load().Where(r => r.IsTiming && r.IsTensorRtLlm).ToArray();
            Assert.Equal(23, rows.Length);
            Check(EngineProfiles.TensorRtLlm, ProfileFit.Run("tensorrt-llm", EngineProfiles.TensorRtLlm.Efficiency, new[] { ProfileFit.Compute, ProfileFit.Memory }, rows));
        }

        [Fact]
        public void LlamaCpp_factors_are_the_fit_of_its_7_timing_rows()
        {
            var rows = CalibrationRow.Load().Where(r => r.IsTiming && !r.IsTensorRtLlm).ToArray();
            Assert.Equal(7, rows.Length);
            Check(EngineProfiles.LlamaCpp, ProfileFit.Run("llama.cpp", EngineProfiles.LlamaCpp.Efficiency, new[] { ProfileFit.Compute, ProfileFit.Memory, ProfileFit.LayerOverhead }, rows));
        }

        [Fact]
        public void Generic_factors_are_the_fit_of_all_30_timing_rows()
        {
            var rows = CalibrationRow.Load().Where(r => r.IsTiming).ToArray();
            Assert.Equal(30, rows.Length);
            Check(EngineProfiles.Generic, ProfileFit.Run("generic", EngineProfiles.Generic.Efficiency, new[] { ProfileFit.Compute, ProfileFit.Memory, ProfileFit.LayerOverhead }, rows));
        }

        [Fact]
        public void Profiles_without_calibration_rows_say_so_and_use_the_generic_factors()
        {
            foreach (var profile in new[] { EngineProfiles.Vllm, EngineProfiles.Sglang })
            {
                Assert.False(profile.IsCalibrated);
                Assert.Contains("generic", profile.Calibration);
                Assert.Equal(EngineProfiles.Generic.Efficiency.ComputeEfficiency, profile.Efficiency.ComputeEfficiency);
                Assert.Equal(EngineProfiles.Generic.Efficiency.MemoryEfficiency, profile.Efficiency.MemoryEfficiency);
            }

            Assert.Same(EngineProfiles.TensorRtLlm, EngineProfiles.Get("TensorRT-LLM"));
            Assert.Equal("EngineNotFound", Assert.Throws<NotFoundException>(() => EngineProfiles.Get("tgi")).ErrorId);
        }

        private void Check(EngineProfile committed, ProfileFit fit)
        {
            var c = committed.Efficiency;
            var f = fit.Profile;
            output.WriteLine($"{fit.Name}: fitted compute {f.ComputeEfficiency:F4}, memory {f.MemoryEfficiency:F4}, layer overhead {f.LayerOverheadSeconds * 1e6:F2} µs; objective {fit.Objective:F5}");
            output.WriteLine($"{fit.Name}: committed compute {c.ComputeEfficiency:F4}, memory {c.MemoryEfficiency:F4}, layer overhead {c.LayerOverheadSeconds * 1e6:F2} µs; objective {ProfileFit.MeanSquaredLogError(c, fit.Rows):F5}");
            foreach (var row in fit.Rows)
            {
                double predicted = RowPredictor.Predict(row, f);
                output.WriteLine($"  {row.Id} {row.Model,-16} {row.Gpu,-16} {row.Metric,-28} measured {row.Value,10:G5} fitted {predicted,10:G5} ({RowPredictor.RelativeError(predicted, row.Value),7:P1})");
            }

            // The committed factors are the fit rounded to three significant digits: no worse than the fit by more than 2%.
            Assert.True(ProfileFit.MeanSquaredLogError(c, fit.Rows) <= (fit.Objective * 1.02) + 1e-6, "EngineProfiles is not at this fit's optimum; update it from the printed values.");
            Assert.Equal(f.ComputeEfficiency, c.ComputeEfficiency, 0.01);
            Assert.Equal(f.MemoryEfficiency, c.MemoryEfficiency, 0.01);
            Assert.Equal(f.LayerOverheadSeconds, c.LayerOverheadSeconds, 2e-6);
        }
    }
}
