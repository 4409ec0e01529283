using System;
using System.Collections.Generic;
using System.Linq;
using InferenceLab.Core.Catalog;

namespace InferenceLab.Core.Tests.Catalog
{
    public sealed class BuiltInHardwareTests
    {
        private const double Gib = 1024.0 * 1024 * 1024;

        public static IEnumerable<object[]> GpuNames() => CatalogSet.BuiltIn.Hardware.Select(h => new object[] { h.Name });

        [Theory]
        [MemberData(nameof(GpuNames))]
        public void Every_gpu_has_a_source_and_positive_figures(string name)
        {
            var gpu = CatalogSet.BuiltIn.GetHardware(name);
            Assert.False(string.IsNullOrWhiteSpace(gpu.Source));
            Assert.False(string.IsNullOrWhiteSpace(gpu.Vendor));
            Assert.True(gpu.MemoryBytes > 0 && gpu.VisibleMemoryBytes > 0 && gpu.VisibleMemoryBytes <= gpu.MemoryBytes);
            Assert.True(gpu.MemoryBandwidthBytesPerSecond > 0);
            Assert.NotEmpty(gpu.NativeTypes);
            Assert.All(gpu.NativeTypes, t => Assert.True(gpu.Peak(t) > 0));
            Assert.True(gpu.InterconnectBandwidthBytesPerSecond >= 0);
            Assert.True(gpu.UnifiedMemory || gpu.InterconnectBandwidthBytesPerSecond > 0, name + " names no interconnect");
        }

        [Fact]
        public void The_required_gpus_are_catalogued()
        {
            var required = new[]
            {
                "v100-sxm-16gb", "v100-sxm-32gb", "t4", "a10", "a10g", "l4", "l40s", "a100-sxm-40gb", "a100-sxm-80gb", "a100-pcie-40gb",
                "a100-pcie-80gb", "h100-sxm", "h100-pcie", "h100-nvl", "h800-sxm", "h20", "h200", "gh200", "b200", "mi250x", "mi300x",
                "mi325x", "rtx-3090", "rtx-3090-ti", "rtx-4090", "rtx-5090", "rtx-6000-ada", "m2-ultra", "m3-max",
            };
            Assert.All(required, name => Assert.NotNull(CatalogSet.BuiltIn.TryGetHardware(name)));
        }

        [Fact]
        public void A100_sxm_80gb_matches_its_datasheet()
        {
            // NVIDIA A100 datasheet: 80 GB HBM2e = 80 GiB, 2,039 GB/s, 312 TFLOP/s dense bf16/fp16, 156 tf32, 19.5 fp32,
            // 624 TOPS int8; NVLink 3 at 600 GB/s total = 300 GB/s per direction; no fp8.
            var a100 = CatalogSet.BuiltIn.GetHardware("a100-sxm-80gb");
            Assert.Equal(85_899_345_920d, a100.MemoryBytes);
            Assert.Equal(2.039e12, a100.MemoryBandwidthBytesPerSecond);
            Assert.Equal(312e12, a100.Bf16FlopsPerSecond);
            Assert.Equal(312e12, a100.Fp16FlopsPerSecond);
            Assert.Equal(156e12, a100.Tf32FlopsPerSecond);
            Assert.Equal(624e12, a100.Int8FlopsPerSecond);
            Assert.Null(a100.Fp8FlopsPerSecond);
            Assert.Equal(300e9, a100.InterconnectBandwidthBytesPerSecond);

            // DESIGN §8: 312e12 / 2039e9 = 153.0 FLOP/B; A10: 125e12 / 600e9 = 208.3 FLOP/B.
            Assert.Equal(153.0, a100.MachineBalance(DataType.Bf16), 1);
            Assert.Equal(208.3, CatalogSet.BuiltIn.GetHardware("a10").MachineBalance(DataType.Fp16), 1);
        }

        [Fact]
        public void H100_sxm_matches_the_whitepaper_and_the_memory_cuda_reports()
        {
            // H100 whitepaper: 989.4 TFLOP/s dense bf16 (the datasheet's 1,979 is with sparsity), 1,978.9 fp8,
            // 3.35 TB/s, 80 GiB; NVLink 4 at 900 GB/s total = 450 GB/s per direction.
            var h100 = CatalogSet.BuiltIn.GetHardware("h100-sxm");
            Assert.Equal(989.4e12, h100.Bf16FlopsPerSecond);
            Assert.Equal(1978.9e12, h100.Fp8FlopsPerSecond);
            Assert.Equal(3.35e12, h100.MemoryBandwidthBytesPerSecond);
            Assert.Equal(80 * Gib, h100.MemoryBytes);
            Assert.Equal(450e9, h100.InterconnectBandwidthBytesPerSecond);
            Assert.Null(h100.Int4FlopsPerSecond);

            // vLLM 0.19 prints total_memory=79.19GiB on an H100 80GB HBM3 (shared/data/kv-capacity-calibration.csv).
            Assert.Equal(79.19 * Gib, h100.VisibleMemoryBytes, 0);
        }

        [Fact]
        public void Older_parts_omit_the_types_they_cannot_compute()
        {
            Assert.Null(CatalogSet.BuiltIn.GetHardware("v100-sxm-32gb").Bf16FlopsPerSecond);
            Assert.Null(CatalogSet.BuiltIn.GetHardware("t4").Bf16FlopsPerSecond);
            Assert.Null(CatalogSet.BuiltIn.GetHardware("a100-pcie-40gb").Fp8FlopsPerSecond);
            Assert.Equal(9000e12, CatalogSet.BuiltIn.GetHardware("b200").Fp4FlopsPerSecond);
            Assert.True(CatalogSet.BuiltIn.GetHardware("m2-ultra").UnifiedMemory);
        }

        [Fact]
        public void Vendor_spellings_find_their_gpus()
        {
            Assert.Equal("h100-sxm", CatalogSet.BuiltIn.GetHardware("NVIDIA H100 80GB HBM3").Name);
            Assert.Equal("h100-sxm", CatalogSet.BuiltIn.GetHardware("H100-SXM5-80GB").Name);
            Assert.Equal("a100-sxm-80gb", CatalogSet.BuiltIn.GetHardware("A100-SXM4-80GB").Name);
            Assert.Equal("a100-pcie-80gb", CatalogSet.BuiltIn.GetHardware("A100-PCIe-80GB").Name);
            Assert.Equal("l40s", CatalogSet.BuiltIn.GetHardware("L40S-48GB").Name);
            Assert.Equal("h200", CatalogSet.BuiltIn.GetHardware("H200-SXM-141GB").Name);
            Assert.Equal("rtx-4090", CatalogSet.BuiltIn.GetHardware("RTX 4090").Name);
            Assert.Equal("rtx-4090", CatalogSet.BuiltIn.GetHardware("RTX 4090 (24GB)").Name);
        }
    }
}
