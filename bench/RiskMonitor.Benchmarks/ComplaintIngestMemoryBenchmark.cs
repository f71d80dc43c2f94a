using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// Peak memory of a complaints ingest at 1 M and 5 M rows: flat memory means the 5 M file needs no more than the 1 M one.
/// Each iteration logs the process's peak working set (the kernel high-water mark, reset when the iteration starts) and the
/// peak managed heap; the memory diagnoser adds the bytes allocated per row.
/// </summary>
[Config(typeof(IngestBenchmarkConfig))]
public class ComplaintIngestMemoryBenchmark
{
    private static readonly byte[] HashKey = Encoding.UTF8.GetBytes("benchmark-hash-key-0123456789abcdef");

    private string _csv = null!;
    private string _directory = null!;
    private RiskWarehouse? _warehouse;
    private PeakMemory? _peak;

    [Params(1_000_000, 5_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Generate()
    {
        _csv = BenchComplaintsCsv.Ensure(Rows);
        _directory = Path.Combine(Path.GetTempPath(), "riskmonitor-ingest-bench", "memory-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
    }

    [IterationSetup]
    public void OpenWarehouse()
    {
        foreach (var file in Directory.GetFiles(_directory))
        {
            File.Delete(file);
        }

        GC.Collect();
        _peak = PeakMemory.Start();
        _warehouse = RiskWarehouse.Open(Path.Combine(_directory, "bench.duckdb"));
    }

    [Benchmark(Description = "IngestRunner complaints, peak memory")]
    public long Ingest()
    {
        using var runner = new IngestRunner(_warehouse!, HashKey);
        var loaded = runner.Ingest(IngestSource.Complaints, _csv).Loaded;
        _warehouse!.Dispose();
        return loaded;
    }

    [IterationCleanup]
    public void Report()
    {
        var (workingSet, heap) = _peak!.Stop();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"// peak-memory rows={Rows} working_set_mb={workingSet / 1048576.0:F0} managed_heap_mb={heap / 1048576.0:F0}");
        Console.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "riskmonitor-ingest-bench", "peak-memory.log"), line + Environment.NewLine);
    }

    [GlobalCleanup]
    public void RemoveDatabases() => Directory.Delete(_directory, recursive: true);
}
