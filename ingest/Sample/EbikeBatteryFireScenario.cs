using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Level I: lithium batteries for e-bikes catch fire while charging. It starts in Wuhan and spreads month by month along
/// the transport corridors until every division reports it; hospitals see burns and, at the peak, a death in Wuhan;
/// a provincial special spot check finds overcharge and short-circuit protection failing. The strongest signal of all.
/// </summary>
internal sealed class EbikeBatteryFireScenario : Scenario
{
    private const double PeakComplaints = 1_800;
    private const string Wuhan = "420100";

    // Outward from Wuhan: the metropolitan ring first, then the Jianghan plain, then the west.
    private static readonly string[] SpreadOrder =
    [
        Wuhan, "420700", "420900", "421100", "420200", "421200", "421000", "429004", "429006", "429005", "420800", "420500", "420600",
        "421300", "420300", "422800", "429021",
    ];

    private static readonly string[] SafetyItems = ["电池过充保护", "短路保护", "过放电保护", "热滥用"];

    private readonly Producer _culprit;

    public EbikeBatteryFireScenario(ScenarioContext context, ScenarioSpan span)
        : base(context, span)
    {
        Category = context.Category("EB03");
        _culprit = ProducerPool.Make(Category, "速能", null, null, context.Random("ebike_battery_fire"));
    }

    public override string Name => "ebike_battery_fire";

    public override ProductCategory Category { get; }

    public override WarningLevel Level => WarningLevel.I;

    public override IEnumerable<StationRequirement> RequiredStations =>
    [
        new(StationKind.Hospital, Wuhan), new(StationKind.ComplaintCentre, Wuhan), new(StationKind.Lab, Wuhan),
        new(StationKind.Association, Wuhan), new(StationKind.Hospital, "420900"),
    ];

    public override IEnumerable<ComplaintBurst> Complaints(int month)
    {
        foreach (var (region, level) in Affected(month))
        {
            var expected = PeakComplaints * Context.Volumes.ComplaintScenarioFactor * Context.PopulationShare(region) * level;
            yield return new ComplaintBurst(Category, region, expected, ComplaintTone.Incident, "fire", 0.15, _culprit, 0.45);
        }
    }

    public override IEnumerable<SampleBurst> Samples(int month)
    {
        if (Span.Contains(month))
        {
            var samples = ScaledSamples(40 * Math.Max(0.5, Span.Intensity(month)), minimum: 4);
            yield return new SampleBurst(Category, null, samples, $"{Year(month)}年电动自行车用锂离子蓄电池产品质量省级专项监督抽查",
                _culprit, 0.4, 0.85, SafetyItems);
        }
    }

    public override IEnumerable<StationSignal> Signals(int month)
    {
        foreach (var (region, level) in Affected(month))
        {
            var complaints = (int)Math.Round(PeakComplaints * Context.Volumes.ComplaintScenarioFactor * Context.PopulationShare(region) * level * 0.6);
            yield return new StationSignal(StationKind.ComplaintCentre, region, Category, "fire", complaints, 0, 0,
                $"受理电动自行车锂电池充电起火相关投诉{complaints}件，较上月明显增多", Major: false);

            var injured = Math.Max(1, (int)Math.Round(level * (region.Code == Wuhan ? 6 : 3)));
            var death = month == Span.Peak && region.Code == Wuhan;
            yield return new StationSignal(StationKind.Hospital, region, Category, "fire", injured, injured, death ? 1 : 0,
                $"接诊电动自行车锂电池起火致烧伤患者{injured}人" + (death ? "，其中1人经抢救无效死亡" : string.Empty),
                Major: death || (month == Span.Peak && level >= 1));
        }

        if (Span.Contains(month))
        {
            var wuhan = Context.Region(Wuhan);
            var failing = Math.Max(1, (int)Math.Round(6 * Span.Intensity(month)));
            yield return new StationSignal(StationKind.Lab, wuhan, Category, "fire", failing, 0, 0,
                $"委托检验发现{failing}批次电动自行车锂电池过充保护、短路保护不合格", Major: month == Span.Peak);
            if (month >= Span.Peak)
            {
                yield return new StationSignal(StationKind.Association, wuhan, Category, "fire", failing, 0, 0,
                    "多地会员单位反映锂电池充电起火事故，建议开展专项整治", Major: month == Span.Peak);
            }
        }
    }

    /// <summary>Divisions reached by the month, each with its own level: two months to full strength, halving after the peak.</summary>
    private IEnumerable<(Region Region, double Level)> Affected(int month)
    {
        if (!Span.Contains(month))
        {
            yield break;
        }

        var rising = Span.Peak - Span.Start + 1;
        for (var k = 0; k < SpreadOrder.Length; k++)
        {
            var reached = Span.Start + (k * rising / SpreadOrder.Length);
            if (month < reached)
            {
                continue;
            }

            var level = Math.Min(1.0, (Math.Min(month, Span.Peak) - reached + 1) / 2.0) * Math.Pow(0.5, Math.Max(0, month - Span.Peak));
            yield return (Context.Region(SpreadOrder[k]), level);
        }
    }
}
