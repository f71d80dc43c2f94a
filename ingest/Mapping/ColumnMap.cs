using RiskMonitor.Core;

namespace RiskMonitor.Ingest.Mapping;

/// <summary>
/// Where each canonical column of a source stands in one file, resolved from the file's headers through the alias table,
/// the user's explicit <c>--map header=canonical</c> pairs, and <c>--default canonical=value</c> for columns a file lacks.
/// </summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, string> _headerOf;
    private readonly IReadOnlyDictionary<string, string> _defaults;

    private ColumnMap(Dictionary<string, int> index, Dictionary<string, string> headerOf, IReadOnlyDictionary<string, string> defaults, IReadOnlyList<string> ignored)
    {
        _index = index;
        _headerOf = headerOf;
        _defaults = defaults;
        IgnoredHeaders = ignored;
    }

    /// <summary>File headers that map to no canonical column (kept only in the raw text).</summary>
    public IReadOnlyList<string> IgnoredHeaders { get; }

    public static ColumnMap Resolve(
        IngestSource source, IReadOnlyList<string> headers, HeaderAliases aliases,
        IReadOnlyDictionary<string, string>? explicitMap = null, IReadOnlyDictionary<string, string>? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(aliases);
        explicitMap ??= new Dictionary<string, string>();
        defaults ??= new Dictionary<string, string>();
        var columns = aliases.Columns(source);
        var known = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var target in explicitMap.Values.Concat(defaults.Keys))
        {
            if (!known.ContainsKey(target))
            {
                throw new UsageException($"“{target}”不是{source.ChineseName()}的标准字段；可用字段：{string.Join("、", columns.Select(c => c.Name))}");
            }
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var cleaned = headers.Select(Clean).ToArray();
        var claims = new string?[cleaned.Length];

        // The user's explicit pairs are claimed first, so that they win over an alias standing earlier in the file.
        for (var i = 0; i < cleaned.Length; i++)
        {
            if (explicitMap.TryGetValue(cleaned[i], out var mapped) && !index.ContainsKey(mapped))
            {
                index[mapped] = i;
                claims[i] = mapped;
            }
        }

        for (var i = 0; i < cleaned.Length; i++)
        {
            var header = cleaned[i];
            var canonical = claims[i] ?? (explicitMap.ContainsKey(header)
                ? null
                : columns.FirstOrDefault(c => c.Name == header || c.Aliases.Contains(header))?.Name);
            if (canonical is null || (claims[i] is null && index.ContainsKey(canonical)))
            {
                ignored.Add(header);
                continue;
            }

            index[canonical] = i;
            headerOf[canonical] = header;
        }

        var missing = columns.Where(c => c.Required && !Present(c.Name) && (c.UnlessPresent is null || !Present(c.UnlessPresent))).ToList();
        if (missing.Count > 0)
        {
            throw new RiskMonitorException(
                $"文件缺少必需的列：{string.Join("、", missing.Select(c => $"{(c.Aliases.Count > 0 ? c.Aliases[0] : c.Name)}（{c.Name}）"))}；"
                + $"文件的表头为：{string.Join("、", cleaned)}。可用 --map 表头=标准字段 指定对应关系，或用 --default 字段=值 补充缺失的列");
        }

        return new ColumnMap(index, headerOf, defaults, ignored);

        bool Present(string canonical) => index.ContainsKey(canonical) || defaults.ContainsKey(canonical);
    }

    /// <summary>The cell for a canonical column, the default when the file has no such column, or empty.</summary>
    public string Get(IReadOnlyList<string> cells, string canonical)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (_index.TryGetValue(canonical, out var i))
        {
            var value = i < cells.Count ? cells[i] : string.Empty;
            return value.Length == 0 && _defaults.TryGetValue(canonical, out var fallback) ? fallback : value;
        }

        return _defaults.TryGetValue(canonical, out var d) ? d : string.Empty;
    }

    /// <summary>Where a canonical column stands in the file, or -1 when it is absent (perhaps filled by a default).</summary>
    public int IndexOf(string canonical) => _index.TryGetValue(canonical, out var i) ? i : -1;

    /// <summary>How a field is named to the user: the file's own header with the canonical name, e.g. 登记时间（received_at）.</summary>
    public string Describe(string canonical) =>
        _headerOf.TryGetValue(canonical, out var header) && header != canonical ? $"“{header}”（{canonical}）" : $"“{canonical}”";

    private static string Clean(string header) => header.Trim().Trim('\uFEFF', '\u3000').Trim();
}
