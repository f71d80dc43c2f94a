using System.Globalization;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>The five kinds of risk-information station of regulation 003 Art. 11.</summary>
internal enum StationKind
{
    Enterprise = 1,
    Lab = 2,
    Hospital = 3,
    ComplaintCentre = 4,
    Association = 5,
}

/// <summary>A monitoring station and the categories it reports on every month.</summary>
internal sealed record Station(string Id, string Name, StationKind Kind, Region Region, IReadOnlyList<ProductCategory> Watches)
{
    public string KindName => Kind switch
    {
        StationKind.Enterprise => "企业",
        StationKind.Lab => "检验机构",
        StationKind.Hospital => "医疗机构",
        StationKind.ComplaintCentre => "12315",
        _ => "行业协会",
    };
}

/// <summary>A station a scenario needs, so that its signal has somebody to report it even at small scale.</summary>
internal sealed record StationRequirement(StationKind Kind, string RegionCode);

/// <summary>Builds the province's station network: every kind, weighted by population, scenario needs first.</summary>
internal static class StationRoster
{
    private static readonly (StationKind Kind, double Share)[] KindShares =
        [(StationKind.Hospital, 0.27), (StationKind.ComplaintCentre, 0.2), (StationKind.Lab, 0.17), (StationKind.Association, 0.13)];

    // Where hospitals see injuries: the categories they watch.
    private static readonly string[] InjuryCategories = ["EB01", "EB03", "GA01", "GA02", "KA01", "HE01", "TY01", "TY02", "EL02", "FA01"];

    private static readonly string[] HospitalNames =
        ["第一人民医院", "中心医院", "妇幼保健院", "第二人民医院", "中医医院", "第三人民医院", "儿童医院", "第四人民医院"];

    private static readonly string[] LabNames = ["产品质量监督检验所", "纤维检验所", "计量检定测试所", "质量技术检测中心"];

    public static IReadOnlyList<Station> Build(
        ReferenceData reference, ProducerPool producers, int count, IEnumerable<StationRequirement> required, int seed)
    {
        var random = SampleRandom.For(seed, "stations");
        var divisions = reference.Divisions.ToList();
        var weights = SampleRandom.Cumulative(divisions.Select(d => d.Population10k));
        var slots = required.Distinct().Select(need => (need.Kind, Region: reference.Region(need.RegionCode))).ToList();
        foreach (var (kind, share) in KindShares)
        {
            var target = (int)Math.Round(count * share);
            // Complaint centres first cover the most populous divisions, one each; other kinds follow population.
            var uncovered = divisions.OrderByDescending(d => d.Population10k).Where(d => !slots.Contains((kind, d))).ToList();
            for (var (n, i) = (slots.Count(s => s.Kind == kind), 0); n < target; n++, i++)
            {
                var next = kind == StationKind.ComplaintCentre && i < uncovered.Count ? uncovered[i] : null;
                slots.Add((kind, next ?? divisions[random.PickCumulative(weights)]));
            }
        }

        var ordinals = new Dictionary<(Region, StationKind), int>();
        var associations = new HashSet<(Region, string)>();
        var stations = new List<Station>(count);
        foreach (var (kind, region) in slots)
        {
            var ordinal = ordinals[(region, kind)] = ordinals.GetValueOrDefault((region, kind)) + 1;
            stations.Add(Make(kind, region, ordinal, Id(divisions, region, kind, ordinal), reference, associations, random));
        }

        // Key enterprises report on their own products; they sit where the producer does.
        var enterprises = reference.Categories.SelectMany(producers.For).Where(p => p.Region is not null)
            .OrderBy(_ => random.Next()).Take(Math.Max(0, count - stations.Count));
        foreach (var producer in enterprises)
        {
            var region = producer.Region!;
            var ordinal = ordinals[(region, StationKind.Enterprise)] = ordinals.GetValueOrDefault((region, StationKind.Enterprise)) + 1;
            stations.Add(new Station(Id(divisions, region, StationKind.Enterprise, ordinal), producer.Name, StationKind.Enterprise, region,
                [producer.Category]));
        }

        return stations.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>武汉市, 恩施州, 神农架林区: how a division prefixes its institutions' names.</summary>
    public static string CityPrefix(Region region) => region.Name.EndsWith("自治州", StringComparison.Ordinal) ? region.ShortName + "州" : region.Name;

    /// <summary>Division order, kind, ordinal: 01301 is Wuhan's first hospital. Leading zeros on purpose: readers must keep them.</summary>
    private static string Id(List<Region> divisions, Region region, StationKind kind, int ordinal) =>
        string.Create(CultureInfo.InvariantCulture, $"{divisions.IndexOf(region) + 1:00}{(int)kind}{ordinal:00}");

    private static Station Make(
        StationKind kind, Region region, int ordinal, string id, ReferenceData reference, HashSet<(Region, string)> associations, Random random)
    {
        var city = CityPrefix(region);
        var provincial = region.Code == "420100" && ordinal == 1;
        var categories = reference.Categories;
        switch (kind)
        {
            case StationKind.Hospital:
                var hospital = ordinal <= HospitalNames.Length ? HospitalNames[ordinal - 1] : $"第{ordinal}人民医院";
                return new(id, city + hospital, kind, region,
                    categories.Where(c => InjuryCategories.Contains(c.Code)).OrderBy(_ => random.Next()).Take(6).ToList());
            case StationKind.ComplaintCentre:
                return new(id, ordinal == 1 ? region.Name + "12315投诉举报指挥中心" : $"{city}12315第{ordinal}分中心", kind, region,
                    categories.OrderByDescending(c => ComplaintShares.Of(c) * random.NextDouble()).Take(6).ToList());
            case StationKind.Lab:
                var lab = provincial ? "湖北省产品质量监督检验研究院"
                    : city + (ordinal <= LabNames.Length ? LabNames[ordinal - 1] : $"第{ordinal}检验所");
                var labGroup = random.Pick(categories).Group;
                return new(id, lab, kind, region,
                    categories.Where(c => c.Group == labGroup).Concat(categories.OrderBy(_ => random.Next()).Take(2)).Distinct().ToList());
            default:
                var groups = categories.Select(c => c.Group).Distinct().Where(g => !associations.Contains((region, g))).ToList();
                var group = groups.Count > 0 ? random.Pick(groups) : random.Pick(categories).Group;
                var suffix = associations.Add((region, group)) ? string.Empty : $"（第{ordinal}分会）";
                return new(id, (provincial ? "湖北省" : city) + group + "行业协会" + suffix, kind, region,
                    categories.Where(c => c.Group == group).ToList());
        }
    }
}
