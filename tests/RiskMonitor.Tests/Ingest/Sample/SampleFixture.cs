using System.Collections.Concurrent;
using RiskMonitor.Ingest.Sample;

namespace RiskMonitor.Tests.Ingest.Sample;

/// <summary>One small 24-month sample (default seed, last month 2026-10), generated once for all tests that only read it.</summary>
public sealed class SampleFixture : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ConcurrentDictionary<string, SampleTable> _tables = new(StringComparer.Ordinal);

    public SampleFixture() => Summary = SampleProvince.Generate(new SampleOptions(_directory.Path));

    public SampleSummary Summary { get; }

    internal SampleTable Table(string source, string month) =>
        Table(Summary.Files.Single(f => f.Source == source && f.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == month));

    internal SampleTable Table(SampleFile file) => _tables.GetOrAdd(file.Path, p => SampleTable.Read(p, file.Source));

    internal IEnumerable<(SampleFile File, SampleTable Table)> Tables(string source) =>
        Summary.Files.Where(f => f.Source == source).Select(f => (f, Table(f)));

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SampleGroup : ICollectionFixture<SampleFixture>
{
    public const string Name = "sample province";
}
