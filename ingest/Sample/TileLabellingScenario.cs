using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Level IV: ceramic tiles from a Dangyang maker (Yichang's ceramics base) fail spot checks month after month on product
/// and packaging marking only; strength and radioactivity pass. Persistent but harmless: a labelling problem (000 Art. 24).
/// </summary>
internal sealed class TileLabellingScenario : Scenario
{
    private const string Yichang = "420500";

    private readonly Producer _culprit;

    public TileLabellingScenario(ScenarioContext context, ScenarioSpan span)
        : base(context, span)
    {
        Category = context.Category("BM01");
        _culprit = ProducerPool.Make(Category, "楚陶", context.Region(Yichang), "当阳市", context.Random("tile_labelling"));
    }

    public override string Name => "tile_labelling";

    public override ProductCategory Category { get; }

    public override Region? Region => Context.Region(Yichang);

    public override WarningLevel Level => WarningLevel.IV;

    public override IEnumerable<StationRequirement> RequiredStations => [new(StationKind.Lab, Yichang)];

    public override IEnumerable<ComplaintBurst> Complaints(int month)
    {
        if (Span.Contains(month))
        {
            yield return new ComplaintBurst(Category, Region!, 8 * Context.Volumes.ComplaintScenarioFactor * Persistence(month),
                ComplaintTone.Incident, "labelling", 0, _culprit, 0.6);
        }
    }

    public override IEnumerable<SampleBurst> Samples(int month)
    {
        if (Span.Contains(month))
        {
            yield return new SampleBurst(Category, Region, ScaledSamples(6 * Persistence(month), minimum: 2),
                $"{Year(month)}年宜昌市建筑陶瓷产品质量专项监督抽查", _culprit, 0.7, 0.8, ["产品标识", "包装标识", "标识和说明书"]);
        }
    }

    public override IEnumerable<StationSignal> Signals(int month)
    {
        if (Span.Contains(month))
        {
            var batches = Math.Max(1, (int)Math.Round(3 * Persistence(month)));
            yield return new StationSignal(StationKind.Lab, Region!, Category, "labelling", batches, 0, 0,
                $"抽检发现陶瓷砖产品标识、包装标识不规范{batches}批次，涉及{_culprit.Name}", Major: false);
        }
    }

    /// <summary>Repeated rather than fading: rising to the peak, then holding at 80 %.</summary>
    private double Persistence(int month) => month <= Span.Peak ? Span.Intensity(month) : 0.8;
}
