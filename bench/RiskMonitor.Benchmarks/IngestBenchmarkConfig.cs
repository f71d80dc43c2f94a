using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// The ingest scenarios' own job: in this process (nothing rebuilt at run time), one launch, one warm-up and three measured
/// iterations of a whole file each. It replaces any global config, so the scenarios run the same whichever entry point
/// starts them.
/// </summary>
public sealed class IngestBenchmarkConfig : ManualConfig
{
    public IngestBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithId("Ingest"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(DefaultConfig.Instance.GetLoggers().ToArray());
        AddExporter(DefaultConfig.Instance.GetExporters().ToArray());
        UnionRule = ConfigUnionRule.AlwaysUseLocal;
    }
}
