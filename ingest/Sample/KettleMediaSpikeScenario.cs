using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Level IV: a news report about electric kettles' inner material sends worried consumers to 12315 everywhere for one
/// month; it fades the next. Nobody is hurt and no spot check fails: high public concern (Art. 12(4)), little harm.
/// </summary>
internal sealed class KettleMediaSpikeScenario : Scenario
{
    private const double SpikeComplaints = 900;
    private const double ResidualComplaints = 100;

    public KettleMediaSpikeScenario(ScenarioContext context, ScenarioSpan span)
        : base(context, span) => Category = context.Category("KA01");

    public override string Name => "kettle_media_spike";

    public override ProductCategory Category { get; }

    public override WarningLevel Level => WarningLevel.IV;

    public override IEnumerable<StationRequirement> RequiredStations => [new(StationKind.ComplaintCentre, "420100")];

    public override IEnumerable<ComplaintBurst> Complaints(int month)
    {
        var total = month == Span.Peak ? SpikeComplaints : month > Span.Peak && month <= Span.End ? ResidualComplaints : 0;
        if (total == 0)
        {
            yield break;
        }

        foreach (var region in Context.Reference.Divisions)
        {
            var expected = total * Context.Volumes.ComplaintScenarioFactor * Context.PopulationShare(region);
            yield return new ComplaintBurst(Category, region, expected, ComplaintTone.MediaConcern, null, 0, null, 0);
        }
    }

    public override IEnumerable<StationSignal> Signals(int month)
    {
        if (month != Span.Peak)
        {
            yield break;
        }

        foreach (var region in Context.Reference.Divisions)
        {
            var cases = (int)Math.Round(SpikeComplaints * Context.Volumes.ComplaintScenarioFactor * Context.PopulationShare(region) * 0.5);
            yield return new StationSignal(StationKind.ComplaintCentre, region, Category, string.Empty, cases, 0, 0,
                $"受理电热水壶相关咨询投诉{cases}件，多因媒体报道引发担忧，未发现伤害", Major: false);
        }
    }
}
