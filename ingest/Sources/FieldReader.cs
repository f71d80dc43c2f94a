using System.Globalization;
using RiskMonitor.Core.Domain;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Normalisation;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Ingest.Sources;

/// <summary>
/// Reads and normalises the fields of one row, collecting a Chinese reason for every field that does not fit, so a bad row
/// is quarantined with all of its problems at once rather than the first only.
/// </summary>
public sealed class FieldReader
{
    private readonly ColumnMap _map;
    private readonly int _headerCount;
    /// <summary>Lookups remembered per distinct text (files repeat a few dozen region and category spellings), up to a bound
    /// so that a column of free-form addresses cannot grow memory.</summary>
    private const int LookupCacheLimit = 4096;

    private readonly Dictionary<string, Region?> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductCategory?> _categories = new(StringComparer.Ordinal);
    private readonly Func<string, Region?> _findRegion;
    private readonly Func<string, ProductCategory?> _findCategory;
    private TabularRow _row = new(0, [], string.Empty);

    public FieldReader(ColumnMap map, ReferenceData reference, int headerCount)
    {
        _map = map;
        _headerCount = headerCount;
        _findRegion = reference.FindRegion;
        _findCategory = reference.FindCategory;
    }

    public List<string> Problems { get; } = [];

    public TabularRow Row => _row;

    /// <summary>Where a canonical column stands in the file's rows, or -1 when the file has no such column.</summary>
    public int ColumnOf(string canonical) => _map.IndexOf(canonical);

    public void Reset(TabularRow row)
    {
        _row = row;
        Problems.Clear();
        var extra = 0;
        for (var i = _headerCount; i < row.Cells.Count; i++)
        {
            extra += row.Cells[i].Length > 0 ? 1 : 0;
        }

        if (extra > 0)
        {
            Problems.Add($"本行有 {row.Cells.Count} 个字段，多于表头的 {_headerCount} 个（可能含未加引号的逗号或错位）");
        }
    }

    /// <summary>Records that a field's value does not fit, naming the field as the file does and the value.</summary>
    public void Reject(string canonical, string value, string why) => Problems.Add($"字段{_map.Describe(canonical)}的值“{value}”{why}");

    public string? Text(string canonical, bool required = false)
    {
        var value = _map.Get(_row.Cells, canonical);
        if (value.Length == 0 || value is "/" or "-" or "—")
        {
            if (required)
            {
                Problems.Add($"缺少必填字段{_map.Describe(canonical)}");
            }

            return null;
        }

        return value;
    }

    public DateTime? DateTime(string canonical, bool required = false) =>
        Parse(canonical, required, (string v, out DateTime d) => DateParser.TryParseDateTime(v, out d), "不是有效的日期时间");

    public DateOnly? Date(string canonical, bool required = false) =>
        Parse(canonical, required, (string v, out DateOnly d) => DateParser.TryParseDate(v, out d), "不是有效日期");

    public DateOnly? Month(string canonical, bool required = false) =>
        Parse(canonical, required, (string v, out DateOnly d) => DateParser.TryParseMonth(v, out d), "不是有效月份");

    public int? Count(string canonical, bool required = false) =>
        Parse(canonical, required, (string v, out int n) => int.TryParse(v.Replace(",", string.Empty, StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out n), "不是非负整数");

    public bool? YesNo(string canonical, bool required = false) =>
        Parse(canonical, required, (string v, out bool b) => TryYesNo(v, out b), "应为“是”或“否”");

    public Region? Region(string canonical, bool required = false)
    {
        var value = Text(canonical, required);
        if (value is null)
        {
            return null;
        }

        var region = Remember(_regions, value, _findRegion);
        if (region is null)
        {
            Reject(canonical, value, "不是已知地区（湖北省17个市州、所辖县市区或外省）");
        }

        return region;
    }

    /// <summary>The category named in the field, or else recognised in <paramref name="fallbackText"/> (e.g. the product name).</summary>
    public ProductCategory? Category(string canonical, bool required = false, string? fallbackText = null)
    {
        var value = Text(canonical, required && fallbackText is null);
        var category = FindCategory(value) ?? FindCategory(fallbackText);
        if (category is null && (value is not null || (required && fallbackText is not null)))
        {
            Problems.Add(value is null
                ? $"缺少必填字段{_map.Describe(canonical)}，且无法从产品名称“{fallbackText}”识别产品类别"
                : $"字段{_map.Describe(canonical)}的值“{value}”不在产品目录中");
        }

        return category;
    }

    private ProductCategory? FindCategory(string? text) => text is null ? null : Remember(_categories, text, _findCategory);

    private static T? Remember<T>(Dictionary<string, T?> cache, string text, Func<string, T?> find)
        where T : class
    {
        if (cache.TryGetValue(text, out var known))
        {
            return known;
        }

        var found = find(text);
        if (cache.Count < LookupCacheLimit)
        {
            cache[text] = found;
        }

        return found;
    }

    public static bool TryYesNo(string value, out bool result)
    {
        switch (value.Trim())
        {
            case "是" or "Y" or "y" or "yes" or "Yes" or "true" or "True" or "1" or "网购" or "线上" or "网络" or "网络抽样" or "线上抽样" or "电商":
                result = true;
                return true;
            case "否" or "N" or "n" or "no" or "No" or "false" or "False" or "0" or "线下" or "实体店" or "现场抽样" or "线下抽样" or "现场":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    private delegate bool TryParser<T>(string value, out T result);

    private T? Parse<T>(string canonical, bool required, TryParser<T> parser, string complaint)
        where T : struct
    {
        var value = Text(canonical, required);
        if (value is null)
        {
            return null;
        }

        if (parser(value, out var result))
        {
            return result;
        }

        Reject(canonical, value, complaint);
        return null;
    }
}
