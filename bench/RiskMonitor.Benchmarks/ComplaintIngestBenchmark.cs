using System.Text;
using BenchmarkDotNet.Attributes;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.Benchmarks;

/// <summary>
/// Ingests a 1,000,000-row complaints CSV through <see cref="IngestRunner"/> into a fresh warehouse file, against DuckDB's
/// own <c>read_csv</c> loading the same file into a table of a fresh database file. Both include closing the database
/// (the checkpoint that makes the load durable). Times are per row (OperationsPerInvoke): rows/s = 1 / Mean.
/// </summary>
/// <remarks>The pipeline does much more per row than <c>read_csv</c> (validation, normalisation, masking, keyed hashes,
/// hazard keywords, de-duplication); the ratio says what that costs.</remarks>
[Config(typeof(IngestBenchmarkConfig))]
public class ComplaintIngestBenchmark
{
    public const int Rows = 1_000_000;

    private static readonly byte[] HashKey = Encoding.UTF8.GetBytes("benchmark-hash-key-0123456789abcdef");

    private string _csv = null!;
    private string _directory = null!;
    private string _database = null!;
    private DuckDbDatabase? _plain;
    private RiskWarehouse? _warehouse;

    [GlobalSetup]
    public void Generate()
    {
        _csv = BenchComplaintsCsv.Ensure(Rows);
        _directory = Path.Combine(Path.GetTempPath(), "riskmonitor-ingest-bench", "run-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
    }

    [IterationSetup(Target = nameof(DuckDbReadCsv))]
    public void OpenPlainDatabase() => _plain = DuckDbDatabase.Open(FreshDatabase());

    [IterationSetup(Target = nameof(IngestRunnerComplaints))]
    public void OpenWarehouse() => _warehouse = RiskWarehouse.Open(FreshDatabase());

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "DuckDB read_csv into a table")]
    public void DuckDbReadCsv()
    {
        using (var connection = _plain!.Connect())
        {
            connection.ExecuteScript($"CREATE TABLE t AS SELECT * FROM read_csv('{_csv}', header = true)");
        }

        _plain.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "IngestRunner complaints")]
    public void IngestRunnerComplaints()
    {
        using (var runner = new IngestRunner(_warehouse!, HashKey))
        {
            var result = runner.Ingest(IngestSource.Complaints, _csv);
            if (result.Loaded != Rows)
            {
                throw new InvalidOperationException($"expected {Rows} rows loaded: {result}");
            }
        }

        _warehouse!.Dispose();
    }

    [GlobalCleanup]
    public void RemoveDatabases() => Directory.Delete(_directory, recursive: true);

    private string FreshDatabase()
    {
        foreach (var file in Directory.GetFiles(_directory))
        {
            File.Delete(file);
        }

        _database = Path.Combine(_directory, "bench.duckdb");
        return _database;
    }
}
