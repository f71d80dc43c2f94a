using System.Globalization;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Writes one month of spot-check results: the provincial rotation (each category once a quarter, as 第一批 … 第四批),
/// some city-level planned, and the special planned scenarios add. Background failure rates lie between 8 and 12 %.
/// </summary>
internal static class SpotChecksFile
{
    private const double CityTaskShare = 0.1;
    private const int RotationGroups = 3;

    private static readonly string[] Batches = ["一", "二", "三", "四"];
    private static readonly string[] Separators = ["；", "、", ",", ";"];
    private static readonly string[] Platforms = ["淘宝", "京东", "拼多多", "抖音电商", "天猫", "快手电商"];
    private static readonly string[] ShopKinds = ["商行", "经营部", "超市有限公司", "商贸有限公司", "门市部", "专卖店"];

    private sealed record PlannedSample(string Name, ProductCategory Category, Region? Region, SampleBurst? Burst, bool Provincial);

    public static SampleFile Write(FilePlan plan, SampleWorld world)
    {
        var random = SampleRandom.For(world.Options.Seed, plan.Schema.Name, plan.MonthIndex);
        var month = plan.Month;
        var categories = world.Reference.Categories;
        var planned = new List<PlannedSample>();
        var rotation = categories.Where((_, i) => i % RotationGroups == (month.Month - 1) % RotationGroups).ToList();
        var batch = Batches[(month.Month - 1) / 3];
        foreach (var category in rotation)
        {
            var name = $"{month.Year}年第{batch}批{category.Name}产品质量省级监督抽查";
            var count = random.Poisson(world.Volumes.Samples * (1 - CityTaskShare) / rotation.Count);
            planned.AddRange(Enumerable.Repeat(new PlannedSample(name, category, null, null, true), count));
        }

        for (var n = random.Poisson(world.Volumes.Samples * CityTaskShare); n > 0; n--)
        {
            var (category, region) = (random.Pick(categories), world.PickDivision(random));
            planned.Add(new PlannedSample($"{month.Year}年{StationRoster.CityPrefix(region)}{category.Name}产品质量监督抽查", category, region, null, false));
        }

        foreach (var burst in world.Scenarios.SelectMany(s => s.Samples(plan.MonthIndex)))
        {
            planned.AddRange(Enumerable.Repeat(new PlannedSample(burst.Task, burst.Category, burst.Region, burst, burst.Region is null), burst.Samples));
        }

        var separator = Separators[plan.MonthIndex % Separators.Length];
        using var sheet = new SampleSheet(plan, planned.Count, random);
        for (var i = 0; i < planned.Count; i++)
        {
            sheet.Write(Row(plan, world, random, planned[i], i + 1, separator));
        }

        return new SampleFile(plan.Path, plan.Schema.Name, month, plan.EncodingName, sheet.Rows);
    }

    private static string?[] Row(FilePlan plan, SampleWorld world, Random random, PlannedSample task, int serial, string separator)
    {
        var category = task.Category;
        var region = task.Region ?? world.PickDivision(random);
        var burst = task.Burst;
        var fromCulprit = burst?.Culprit is not null && random.Chance(burst.CulpritShare);
        var producer = fromCulprit ? burst!.Culprit! : world.Producers.Pick(category, random);
        var month = plan.Month;
        var sampled = month.AddDays(random.Next(DateTime.DaysInMonth(month.Year, month.Month)));
        var online = random.Chance(0.2);
        var traits = CategoryTraits.For(category);

        List<string> failed = fromCulprit
            ? random.Chance(burst!.CulpritFailure) ? FailedItems(burst.FailedItems, random) : []
            : random.Chance(BackgroundFailureRate(world, category)) ? BackgroundFailure(traits, random) : [];
        if (failed.Count > 1 && random.Chance(0.1))
        {
            separator = random.Pick(Separators);
        }

        var row = new string?[SpotCheckColumn.Schema.Columns.Count];
        row[SpotCheckColumn.SampleId] = plan.MonthIndex % 2 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"SC{month:yyyyMM}{serial:00000}")
            : string.Create(CultureInfo.InvariantCulture, $"{world.DivisionOrder(region):00}{month:yyMM}{serial:0000}");
        row[SpotCheckColumn.Task] = task.Name;
        row[SpotCheckColumn.SampledAt] = plan.DateStyle.Format(sampled);
        row[SpotCheckColumn.Region] = plan.Layout.RegionText(region, random);
        row[SpotCheckColumn.Category] = plan.Layout.CategoryText(category, random);
        row[SpotCheckColumn.Product] = random.Chance(0.7) || category.Aliases.Count == 0 ? category.Name : random.Pick(category.Aliases);
        row[SpotCheckColumn.Producer] = producer.Name;
        row[SpotCheckColumn.ProducerRegion] = producer.Address;
        row[SpotCheckColumn.Seller] = online
            ? producer.Brand + random.Pick(["官方旗舰店", "专营店", "工厂店"])
            : StationRoster.CityPrefix(region) + random.Pick(world.Producers.For(category)).Brand + random.Pick(ShopKinds);
        row[SpotCheckColumn.Online] = online ? "网络抽样" : "现场抽样";
        row[SpotCheckColumn.Platform] = online ? random.Pick(Platforms) : null;
        row[SpotCheckColumn.Spec] = random.Pick(producer.Models);
        row[SpotCheckColumn.Brand] = producer.Brand;
        row[SpotCheckColumn.Batch] = Batch(sampled, random);
        row[SpotCheckColumn.Result] = failed.Count == 0 ? "合格" : "不合格";
        row[SpotCheckColumn.FailedItems] = failed.Count == 0 ? null : string.Join(separator, failed);
        row[SpotCheckColumn.Lab] = Lab(category, region, task.Provincial);
        row[SpotCheckColumn.ReportDate] = plan.DateStyle.Format(sampled.AddDays(random.Next(10, 31)));
        return row;
    }

    /// <summary>Each category's own steady rate between 8 and 12 %, the same every month.</summary>
    private static double BackgroundFailureRate(SampleWorld world, ProductCategory category) =>
        0.08 + (0.04 * SampleRandom.For(world.Options.Seed, "failure-rate-" + category.Code).NextDouble());

    /// <summary>Mostly safety items, a quarter labelling only, a few both.</summary>
    private static List<string> BackgroundFailure(CategoryTraits traits, Random random) => random.Next(20) switch
    {
        < 13 => FailedItems(traits.SafetyItems, random),
        < 18 => [random.Pick(traits.LabelItems)],
        _ => [random.Pick(traits.SafetyItems), random.Pick(traits.LabelItems)],
    };

    private static List<string> FailedItems(IReadOnlyList<string> items, Random random)
    {
        var first = random.Pick(items);
        var second = random.Pick(items);
        return random.Chance(0.35) && second != first ? [first, second] : [first];
    }

    private static string Batch(DateOnly sampled, Random random)
    {
        var made = sampled.AddDays(-random.Next(15, 300));
        return random.Next(3) switch
        {
            0 => made.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            1 => made.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            _ => made.ToString("'B'yyMM", CultureInfo.InvariantCulture) + random.FromPattern("-##"),
        };
    }

    private static string Lab(ProductCategory category, Region region, bool provincial) => category.Group switch
    {
        "纺织服装" or "鞋类" => "湖北省纤维检验局",
        "建筑材料" => provincial ? "湖北省建筑材料产品质量监督检验站" : StationRoster.CityPrefix(region) + "产品质量监督检验所",
        _ when provincial => "湖北省产品质量监督检验研究院",
        _ => StationRoster.CityPrefix(region) + "产品质量监督检验所",
    };
}
