using System.Reflection;

namespace RiskMonitor.Core.Domain;

/// <summary>
/// The dictionaries of regions, product categories and hazards. They are data (CSV shipped in the assembly, optionally
/// overridden by files in a folder), so that a new alias or county needs no code change.
/// </summary>
public sealed class ReferenceData
{
    private readonly Dictionary<string, Region> _regionLookup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductCategory> _categoryLookup = new(StringComparer.Ordinal);
    private readonly List<(string Alias, ProductCategory Category)> _categoryAliasesLongestFirst;

    private ReferenceData(IReadOnlyList<Region> regions, IReadOnlyList<ProductCategory> categories, IReadOnlyList<Hazard> hazards)
    {
        Regions = regions;
        Categories = categories;
        Hazards = hazards;
        foreach (var r in regions)
        {
            foreach (var key in new[] { r.Code, r.Name, r.ShortName }.Concat(r.Aliases))
            {
                _regionLookup.TryAdd(key, r);
            }
        }

        foreach (var c in categories)
        {
            foreach (var key in new[] { c.Code, c.Name }.Concat(c.Aliases))
            {
                _categoryLookup.TryAdd(key, c);
            }
        }

        _categoryAliasesLongestFirst = categories
            .SelectMany(c => new[] { c.Name }.Concat(c.Aliases).Select(a => (a, c)))
            .OrderByDescending(p => p.a.Length)
            .ToList();
    }

    public IReadOnlyList<Region> Regions { get; }

    public IReadOnlyList<ProductCategory> Categories { get; }

    public IReadOnlyList<Hazard> Hazards { get; }

    /// <summary>Hubei's 17 prefecture-level divisions, without the out-of-province bucket.</summary>
    public IEnumerable<Region> Divisions => Regions.Where(r => !r.OutOfProvince);

    public Region OutOfProvince => Regions.First(r => r.OutOfProvince);

    private static readonly Lazy<ReferenceData> DefaultInstance = new(() => Load(null));

    /// <summary>The dictionaries shipped with the product.</summary>
    public static ReferenceData Default => DefaultInstance.Value;

    /// <summary>Loads the shipped dictionaries, replacing any of them by a same-named CSV in <paramref name="overrideDirectory"/>.</summary>
    public static ReferenceData Load(string? overrideDirectory)
    {
        var regions = Rows("regions.csv", overrideDirectory).Select(f => new Region(
            f["code"], f["name"], f["short_name"], f["kind"] == "out",
            double.TryParse(f["population_10k"], System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0, Split(f["aliases"]))).ToList();
        var categories = Rows("categories.csv", overrideDirectory).Select(f => new ProductCategory(
            f["code"], f["name"], f["group"], f["season"], Split(f["hazards"]), Split(f["aliases"]))).ToList();
        var hazards = Rows("hazards.csv", overrideDirectory).Select(f => new Hazard(
            f["code"], f["name"], int.Parse(f["severity"], System.Globalization.CultureInfo.InvariantCulture), Split(f["keywords"]))).ToList();
        return new ReferenceData(regions, categories, hazards);
    }

    /// <summary>Finds a region by code, full name, short name or a listed county/district; the province prefix 湖北省 is ignored.</summary>
    public Region? FindRegion(string? text)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0)
        {
            return null;
        }

        if (t.StartsWith("湖北省", StringComparison.Ordinal) && t.Length > 3)
        {
            t = t[3..];
        }

        if (_regionLookup.TryGetValue(t, out var region))
        {
            return region;
        }

        // "武汉市洪山区…" or an address: the longest known name at the start wins.
        return _regionLookup.Where(p => p.Key.Length >= 2 && t.StartsWith(p.Key, StringComparison.Ordinal))
            .OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
    }

    /// <summary>Finds a category by code, name or alias, or else by the longest alias contained in the text.</summary>
    public ProductCategory? FindCategory(string? text)
    {
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0)
        {
            return null;
        }

        if (_categoryLookup.TryGetValue(t, out var category))
        {
            return category;
        }

        foreach (var (alias, c) in _categoryAliasesLongestFirst)
        {
            if (t.Contains(alias, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return null;
    }

    public ProductCategory Category(string code) => Categories.First(c => c.Code == code);

    public Region Region(string code) => Regions.First(r => r.Code == code);

    public Hazard? FindHazard(string? codeOrName) =>
        Hazards.FirstOrDefault(h => h.Code == codeOrName || h.Name == codeOrName);

    private static string[] Split(string value) =>
        value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<Dictionary<string, string>> Rows(string file, string? overrideDirectory)
    {
        var overridePath = overrideDirectory is null ? null : Path.Combine(overrideDirectory, file);
        using var stream = overridePath is not null && File.Exists(overridePath)
            ? File.OpenRead(overridePath)
            : Assembly.GetExecutingAssembly().GetManifestResourceStream("RiskMonitor.Reference." + file)
              ?? throw new InvalidOperationException($"reference file {file} is not embedded");
        using var reader = new StreamReader(stream);
        var header = (reader.ReadLine() ?? string.Empty).Split(',');
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            yield return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : string.Empty)).ToDictionary(p => p.h, p => p.v);
        }
    }
}
