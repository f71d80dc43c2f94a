using System.Reflection;

namespace RiskMonitor.Ingest.Mapping;

/// <summary>A canonical column of a source with the header names real exports use for it.</summary>
/// <param name="Required">A file must have this column (or a default for it)…</param>
/// <param name="UnlessPresent">…unless it has this other column, from which the value can be told (category from product).</param>
public sealed record CanonicalColumn(string Name, bool Required, IReadOnlyList<string> Aliases, string? UnlessPresent = null);

/// <summary>The header alias table (<c>Mapping/headers.csv</c>), optionally replaced by a file of the same format.</summary>
public sealed class HeaderAliases
{
    private readonly Dictionary<IngestSource, IReadOnlyList<CanonicalColumn>> _columns;

    private HeaderAliases(Dictionary<IngestSource, IReadOnlyList<CanonicalColumn>> columns) => _columns = columns;

    private static readonly Lazy<HeaderAliases> DefaultInstance = new(() => Load(null));

    public static HeaderAliases Default => DefaultInstance.Value;

    public IReadOnlyList<CanonicalColumn> Columns(IngestSource source) => _columns[source];

    /// <summary>Every header name (canonical or alias) of a source: what identifies the header row.</summary>
    public IReadOnlyCollection<string> KnownHeaders(IngestSource source) =>
        _columns[source].SelectMany(c => c.Aliases.Prepend(c.Name)).ToHashSet(StringComparer.Ordinal);

    public static HeaderAliases Load(string? path)
    {
        using var stream = path is not null
            ? File.OpenRead(path)
            : Assembly.GetExecutingAssembly().GetManifestResourceStream("RiskMonitor.Ingest.headers.csv")!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var columns = new List<(IngestSource Source, CanonicalColumn Column)>();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            if (cells.Length < 4)
            {
                continue;
            }

            // required: yes, no, or "unless:other" (required unless the file has the other column).
            var unless = cells[2].StartsWith("unless:", StringComparison.Ordinal) ? cells[2]["unless:".Length..] : null;
            columns.Add((IngestSources.Parse(cells[0]), new CanonicalColumn(
                cells[1], cells[2] == "yes" || unless is not null, cells[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), unless)));
        }

        return new HeaderAliases(columns.GroupBy(c => c.Source)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CanonicalColumn>)g.Select(c => c.Column).ToList()));
    }
}
