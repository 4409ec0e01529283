using System.Collections.Generic;
using System.Management.Automation;
using InferenceLab.Core;
using InferenceLab.Core.Hardware;

namespace InferenceLab.PowerShell.Hardware
{
    /// <summary>
    /// A GPU from its datasheet, figure by figure (DESIGN §3), for what no catalog has: memory in bytes (PowerShell's
    /// <c>80GB</c> literal is 80 GiB, as the catalog stores an "80 GB" card), bandwidth in B/s, dense peak FLOP/s per data
    /// type (never the "with sparsity" figures). Parameters are named as the GPU's own properties and bind by property
    /// name, so a GPU piped in is copied with the parameters given replacing its figures.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "InferenceHardware")]
    [OutputType(typeof(HardwareSpec))]
    public sealed class NewInferenceHardwareCommand : InferenceCommand
    {
        /// <summary>Name (<c>h100-sxm</c>).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = null!;

        /// <summary>Memory capacity, bytes.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public double MemoryBytes { get; set; }

        /// <summary>Peak memory bandwidth, B/s (2.039e12 for an A100 SXM 80GB).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public double MemoryBandwidthBytesPerSecond { get; set; }

        /// <summary>Dense fp32 peak, FLOP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Fp32FlopsPerSecond { get; set; }

        /// <summary>Dense tf32 tensor peak, FLOP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Tf32FlopsPerSecond { get; set; }

        /// <summary>Dense bf16 peak, FLOP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Bf16FlopsPerSecond { get; set; }

        /// <summary>Dense fp16 peak, FLOP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Fp16FlopsPerSecond { get; set; }

        /// <summary>Dense fp8 peak, FLOP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Fp8FlopsPerSecond { get; set; }

        /// <summary>Dense int8 peak, OP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Int8FlopsPerSecond { get; set; }

        /// <summary>Dense int4 peak, OP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Int4FlopsPerSecond { get; set; }

        /// <summary>Dense fp4 peak, FLOP/s.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Fp4FlopsPerSecond { get; set; }

        /// <summary>GPU-to-GPU bandwidth per GPU and direction, B/s; 0 when the GPU cannot be paired.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double InterconnectBandwidthBytesPerSecond { get; set; }

        /// <summary>The link's name (NVLink 4, PCIe Gen5 x16).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Interconnect { get; set; }

        /// <summary>Memory the driver reports as total, bytes; by default the capacity.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double VisibleMemoryBytes { get; set; }

        /// <summary>Maker.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Vendor { get; set; }

        /// <summary>CPU and GPU share the memory (Apple silicon).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter UnifiedMemory
        {
            get => UnifiedMemoryValue;
            set => UnifiedMemoryValue = value.IsPresent;
        }

        /// <summary><see cref="UnifiedMemory"/> as a bool, which tests can set (SwitchParameter is a stub outside PowerShell).</summary>
        internal bool UnifiedMemoryValue { get; set; }

        /// <summary>Other names the GPU is known by.</summary>
        [Parameter]
        public string[]? Aliases { get; set; }

        /// <summary>Where the figures come from.</summary>
        [Parameter]
        public string? Source { get; set; }

        /// <summary>Remarks on the figures.</summary>
        [Parameter]
        public string? Notes { get; set; }

        /// <summary>The Core hardware the parameters describe; Core validates every figure.</summary>
        /// <exception cref="InferenceLabException">A figure that is not a positive finite number, or no peak rate at all.</exception>
        internal HardwareSpec BuildHardware() =>
            new HardwareSpec(
                Name,
                MemoryBytes,
                MemoryBandwidthBytesPerSecond,
                PeakFlopsPerSecond(),
                InterconnectBandwidthBytesPerSecond,
                Interconnect,
                VisibleMemoryBytes,
                Vendor,
                UnifiedMemoryValue,
                Aliases,
                Source,
                Notes);

        /// <summary>The peak rates given, by data type.</summary>
        internal IReadOnlyDictionary<DataType, double> PeakFlopsPerSecond()
        {
            var peaks = new Dictionary<DataType, double>();
            void Add(DataType type, double? rate)
            {
                if (rate is double value)
                {
                    peaks[type] = value;
                }
            }

            Add(DataType.Fp32, Fp32FlopsPerSecond);
            Add(DataType.Tf32, Tf32FlopsPerSecond);
            Add(DataType.Bf16, Bf16FlopsPerSecond);
            Add(DataType.Fp16, Fp16FlopsPerSecond);
            Add(DataType.Fp8, Fp8FlopsPerSecond);
            Add(DataType.Int8, Int8FlopsPerSecond);
            Add(DataType.Int4, Int4FlopsPerSecond);
            Add(DataType.Fp4, Fp4FlopsPerSecond);
            return peaks;
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                var hardware = BuildHardware();
                Catalog.SessionCatalog.Remember(hardware);
                WriteObject(hardware);
            }
            catch (InferenceLabException error)
            {
                WriteInferenceError(error, Name);
            }
        }
    }
}
