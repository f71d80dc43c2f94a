using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RiskMonitor.Analytics.Aggregation;
using RiskMonitor.Analytics.Assessment;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// <c>analyze --month</c> on a province-sized warehouse: 10,000,000 complaints over five years (about 167,000 a month),
/// 400 spot-check samples and 150 station reports a month, every earlier month already aggregated and assessed. Each
/// iteration forgets the last month's aggregates and assessments and analyses it again: aggregation, hazard
/// disproportionality, detection on every subject's series, the five factors, the rule level, storage. The baseline is
/// the month's SQL aggregation alone.
/// </summary>
/// <remarks>Set RISKMONITOR_BENCH_COMPLAINTS to run on fewer complaints.</remarks>
[Config(typeof(ShortInProcess))]
public class AnalyzeMonthBenchmark
{
    private const int Months = 60;
    private static readonly DateOnly First = new(2021, 11, 1);
    private static readonly DateOnly Last = First.AddMonths(Months - 1);

    private string _directory = string.Empty;
    private RiskWarehouse? _warehouse;
    private DuckDbConnection? _connection;

    [GlobalSetup]
    public void Setup()
    {
        var complaints = long.TryParse(Environment.GetEnvironmentVariable("RISKMONITOR_BENCH_COMPLAINTS"), out var n) ? n : 10_000_000;
        _directory = Path.Combine(Path.GetTempPath(), "riskmonitor-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _warehouse = SyntheticWarehouse.Create(Path.Combine(_directory, "bench.duckdb"), complaints, Months, First);
        _connection = _warehouse.Connect();
        var runner = new AssessmentRunner(_warehouse.Reference);
        for (var month = First; month < Last; month = month.AddMonths(1))
        {
            runner.Analyze(_connection, month);
        }
    }

    [IterationSetup]
    public void Forget()
    {
        _connection!.Execute("DELETE FROM risk_assessments WHERE month = $1", Last);
        foreach (var table in new[] { "agg_subject_month", "agg_producer_month", "agg_hazard_month", "hazard_signals" })
        {
            _connection.Execute($"DELETE FROM {table} WHERE month = $1", Last);
        }
    }

    [Benchmark(Baseline = true, Description = "aggregate the month (SQL)")]
    public long AggregateMonth() => SubjectMonthAggregator.Aggregate(_connection!, Last, DateTime.UtcNow);

    [Benchmark(Description = "analyze --month (10M complaints, 5 years)")]
    public int AnalyzeMonth() => new AssessmentRunner(_warehouse!.Reference).Analyze(_connection!, Last).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection?.Dispose();
        _warehouse?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>In-process (no child process per benchmark), one launch, one warm-up and three measured iterations.</summary>
public sealed class ShortInProcess : BenchmarkDotNet.Configs.ManualConfig
{
    public ShortInProcess()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3));
        AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
    }
}
