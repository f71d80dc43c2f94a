using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>A (fictitious) producer: company name, address, brand and the models it sells.</summary>
/// <param name="Region">The Hubei division it sits in; null when out of province.</param>
internal sealed record Producer(ProductCategory Category, string Name, string Address, Region? Region, string Brand, IReadOnlyList<string> Models);

/// <summary>Plausible producers per category, some in Hubei and many in the provinces where such products are made.</summary>
internal sealed class ProducerPool
{
    // Invented trade names; well-known real brands are deliberately absent.
    private static readonly string[] TradeNames =
    [
        "驰野", "锐骑", "安途", "飞越", "恒安", "暖阳", "清风", "沁凉", "乐童", "智宝", "鸿运", "瑞丰", "德胜", "金陶", "楚天", "荆楚",
        "江汉", "汉韵", "鑫源", "华美", "佳美", "优乐", "欣怡", "康宁", "美好", "金盾", "星辰", "天骄", "恒通", "永盛", "宏达", "利达",
        "顺发", "凯旋", "博雅", "嘉禾", "福满", "万家", "远航", "新锐", "骏马", "龙腾", "和美", "安吉", "东升", "旭日", "华诚", "信达",
        "明辉", "卓越", "优品", "雅居", "巧艺", "童趣", "乐淘", "汇丰源", "诚信", "立邦达", "创新", "宝康",
    ];

    private const string RoadPattern = "{工业园|经济开发区|高新技术产业园|科技园|工业新区}{兴业|创业|发展|富民|长江|汉江|金山|迎宾}{路|大道|街}{#|##|1##}号";

    private readonly Dictionary<string, IReadOnlyList<Producer>> _byCategory = new(StringComparer.Ordinal);

    public ProducerPool(ReferenceData reference, int perCategory, int seed)
    {
        var divisions = reference.Divisions.ToList();
        var weights = SampleRandom.Cumulative(divisions.Select(d => d.Population10k));
        foreach (var category in reference.Categories)
        {
            var random = SampleRandom.For(seed, "producers-" + category.Code);
            var traits = CategoryTraits.For(category);
            var names = TradeNames.OrderBy(_ => random.Next()).Take(perCategory).ToList();
            _byCategory[category.Code] = names.Select(name => random.Chance(traits.InProvince)
                    ? Make(category, name, divisions[random.PickCumulative(weights)], null, random)
                    : Make(category, name, null, null, random))
                .ToList();
        }
    }

    public IReadOnlyList<Producer> For(ProductCategory category) => _byCategory[category.Code];

    public Producer Pick(ProductCategory category, Random random) => random.Pick(For(category));

    /// <summary>A producer with the given trade name, in a Hubei division (optionally a given county) or else at one of the category's origins.</summary>
    public static Producer Make(ProductCategory category, string tradeName, Region? region, string? county, Random random)
    {
        var traits = CategoryTraits.For(category);
        string place, city;
        if (region is not null)
        {
            county ??= PickCounty(region, random);
            place = "湖北省" + region.Name + county;
            city = county.Length > 1 && county.EndsWith('市') ? county[..^1] : region.ShortName;
        }
        else
        {
            place = random.Pick(traits.Origins);
            city = CityOf(place);
        }

        var industry = random.Pick(traits.Industry);
        var name = random.Next(10) switch
        {
            < 6 => $"{city}{tradeName}{industry}有限公司",
            < 8 => $"{city}市{tradeName}{industry}有限公司",
            8 => $"{(region is null ? place[..2] : "湖北")}{tradeName}{industry}股份有限公司",
            _ => $"{city}{tradeName}{industry}{(industry.EndsWith("科技", StringComparison.Ordinal) ? string.Empty : "科技")}有限公司",
        };
        var brand = random.Chance(0.75) ? tradeName : random.Pick(TradeNames);
        var models = Enumerable.Range(0, random.Next(2, 5)).Select(_ => random.FromPattern(traits.ModelPattern)).Distinct().ToList();
        return new Producer(category, name, place + random.FromPattern(RoadPattern), region, brand, models);
    }

    private static string PickCounty(Region region, Random random)
    {
        var counties = region.Aliases.Where(a => a.EndsWith('区') || a.EndsWith('县')).ToList();
        return counties.Count == 0 ? string.Empty : random.Pick(counties);
    }

    /// <summary>台州 from 浙江省台州市路桥区, 天津 from 天津市静海区.</summary>
    private static string CityOf(string place)
    {
        var afterProvince = place.IndexOf('省', StringComparison.Ordinal) is var p and >= 0 ? place[(p + 1)..] : place;
        var cityEnd = afterProvince.IndexOf('市', StringComparison.Ordinal);
        return cityEnd > 0 ? afterProvince[..cityEnd] : afterProvince[..2];
    }
}
