using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Level III: a batch of toys from one producer sheds small parts in Jingzhou. Parents complain, the city's children's
/// hospital sees a child or two who swallowed a part, and the city's spot check fails samples on 小零件. Real harm to a
/// vulnerable group but local, few cases and no lasting injury.
/// </summary>
internal sealed class ToySmallPartsScenario : Scenario
{
    private const double PeakComplaints = 45;
    private const string Jingzhou = "421000";

    private readonly Producer _culprit;

    public ToySmallPartsScenario(ScenarioContext context, ScenarioSpan span)
        : base(context, span)
    {
        Category = context.Category("TY01");
        _culprit = ProducerPool.Make(Category, "奇趣", null, null, context.Random("toy_small_parts"));
    }

    public override string Name => "toy_small_parts";

    public override ProductCategory Category { get; }

    public override Region? Region => Context.Region(Jingzhou);

    public override WarningLevel Level => WarningLevel.III;

    public override IEnumerable<StationRequirement> RequiredStations => [new(StationKind.Hospital, Jingzhou), new(StationKind.Lab, Jingzhou)];

    public override IEnumerable<ComplaintBurst> Complaints(int month)
    {
        if (Span.Contains(month))
        {
            var expected = PeakComplaints * Context.Volumes.ComplaintScenarioFactor * Math.Max(0.55, Span.Intensity(month));
            yield return new ComplaintBurst(Category, Region!, expected, ComplaintTone.Incident, "choking", 0.1, _culprit, 0.7);
        }
    }

    public override IEnumerable<SampleBurst> Samples(int month)
    {
        if (Span.Contains(month))
        {
            yield return new SampleBurst(Category, Region, ScaledSamples(8, minimum: 3), $"{Year(month)}年荆州市儿童玩具产品质量监督抽查",
                _culprit, 0.6, 0.85, ["小零件"]);
        }
    }

    public override IEnumerable<StationSignal> Signals(int month)
    {
        if (!Span.Contains(month))
        {
            yield break;
        }

        var children = month == Span.Peak ? 2 : 1;
        yield return new StationSignal(StationKind.Hospital, Region!, Category, "choking", children, children, 0,
            $"接诊儿童误吞玩具小零件{children}例，均已取出，无生命危险", Major: false);
        yield return new StationSignal(StationKind.Lab, Region!, Category, "choking", children + 1, 0, 0,
            $"检验发现{_culprit.Brand}牌等儿童玩具小零件项目不合格{children + 1}批次", Major: false);
    }
}
