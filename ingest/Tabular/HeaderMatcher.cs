namespace RiskMonitor.Ingest.Tabular;

/// <summary>Recognises the header row among the first rows of a file, below any title rows.</summary>
/// <remarks>
/// Exports from the bureau's systems often open with a title ("2026年3月投诉明细") and a blank line before the header.
/// A row counts as the header when at least two of its cells are known column names, so a title that happens to equal one
/// column name is not mistaken for it.
/// </remarks>
internal sealed class HeaderMatcher
{
    /// <summary>How many non-blank rows are searched for the header.</summary>
    public const int SearchDepth = 20;

    private readonly HashSet<string>? _known;
    private readonly int _required;

    public HeaderMatcher(IReadOnlyCollection<string>? knownHeaders)
    {
        if (knownHeaders is null || knownHeaders.Count == 0)
        {
            return;
        }

        _known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in knownHeaders)
        {
            var normalized = Normalize(name);
            if (normalized.Length > 0)
            {
                _known.Add(normalized);
            }
        }

        _required = Math.Min(2, _known.Count);
    }

    /// <summary>A header cell as it should be compared and reported: trimmed of whitespace (full-width spaces included) and BOM.</summary>
    public static string Normalize(string cell)
    {
        var span = cell.AsSpan();
        int start = 0, end = span.Length;
        while (start < end && IsBlank(span[start]))
        {
            start++;
        }

        while (end > start && IsBlank(span[end - 1]))
        {
            end--;
        }

        return start == 0 && end == span.Length ? cell : new string(span[start..end]);
    }

    /// <summary>Whether a row is the header.</summary>
    public bool IsHeader(IReadOnlyList<string> cells)
    {
        if (_known is null)
        {
            return true;
        }

        var matches = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (_known.Contains(Normalize(cells[i])) && ++matches >= _required)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The header row's cells, normalised.</summary>
    public static string[] HeaderCells(IReadOnlyList<string> cells)
    {
        var headers = new string[cells.Count];
        for (var i = 0; i < headers.Length; i++)
        {
            headers[i] = Normalize(cells[i]);
        }

        return headers;
    }

    /// <summary>The error for a file whose first rows hold no header.</summary>
    /// <param name="source">Where the header was sought, as the user should read it: 文件“…” or 工作簿“…”的工作表“…”.</param>
    public TabularFormatException NotFound(string source)
    {
        if (_known is null)
        {
            return new TabularFormatException($"{source}中没有任何数据行，找不到表头。");
        }

        var examples = string.Join("、", _known.Take(6));
        return new TabularFormatException(
            $"未找到表头：{source}的前 {SearchDepth} 个非空行中，没有一行包含至少 {_required} 个已知列名（如 {examples}）。");
    }

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';
}
