using System.Text;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Sample;

/// <summary>The header mapping (ingest/Mapping/headers.csv), read from the source tree: header text → canonical column, per source.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, Dictionary<string, string>> _bySource = new(StringComparer.Ordinal);

    private HeaderMap()
    {
        var path = Path.Combine(RepositoryRoot(), "ingest", "Mapping", "headers.csv");
        foreach (var cells in SimpleCsv.Parse(File.ReadAllText(path)).Skip(1).Where(r => r.Length >= 4))
        {
            if (!_bySource.TryGetValue(cells[0], out var map))
            {
                _bySource[cells[0]] = map = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            map[cells[1]] = cells[1];
            foreach (var alias in cells[3].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                map[alias] = cells[1];
            }
        }
    }

    public static HeaderMap Instance { get; } = new();

    public string? Canonical(string source, string header) =>
        _bySource.TryGetValue(source, out var map) && map.TryGetValue(header.Trim(), out var canonical) ? canonical : null;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RiskMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (RiskMonitor.sln) not found above the test binaries");
    }
}

/// <summary>A generated file read back by test-side code (not the product's readers): title, header, rows by canonical column.</summary>
internal sealed record SampleTable(string Path, string Source, string? Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static SampleTable Read(string path, string source)
    {
        var records = path.EndsWith(".xlsx", StringComparison.Ordinal)
            ? TabularWriterTests.ReadXlsx(path).Select(r => r.Select(c => c ?? string.Empty).ToArray()).ToList()
            : SimpleCsv.Parse(Decode(File.ReadAllBytes(path)));
        // The header is the first record with several cells; a one-cell title may stand above it.
        var headerAt = records.FindIndex(r => r.Count(c => c.Length > 0) >= 5);
        var headers = records[headerAt];
        var canonical = headers.Select(h => HeaderMap.Instance.Canonical(source, h) ?? h).ToArray();
        var rows = records.Skip(headerAt + 1)
            .Select(r => (IReadOnlyDictionary<string, string>)canonical.Select((c, i) => (c, v: i < r.Length ? r[i] : string.Empty))
                .ToDictionary(p => p.c, p => p.v))
            .ToList();
        return new SampleTable(path, source, headerAt > 0 ? records[0][0] : null, headers, rows);
    }

    /// <summary>UTF-8 when the file starts with a byte-order mark, otherwise GB18030.</summary>
    public static string Decode(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.GetString(bytes) : TabularWriters.Gb18030.GetString(bytes);
}
