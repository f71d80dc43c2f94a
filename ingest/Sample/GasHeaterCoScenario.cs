using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Level II: one producer's gas water heater model vents badly and poisons households with carbon monoxide in Xiangyang,
/// in winter. Complaints name the brand and model, the city's hospital reports poisoning admissions (a major risk at the
/// peak), and the city bureau's special spot check fails the model on CO content. Serious harm, one division, no deaths.
/// </summary>
internal sealed class GasHeaterCoScenario : Scenario
{
    private const double PeakComplaints = 150;
    private const string Xiangyang = "420600";

    private readonly Producer _culprit;
    private readonly string _model;

    public GasHeaterCoScenario(ScenarioContext context, ScenarioSpan span)
        : base(context, span)
    {
        Category = context.Category("GA01");
        var random = context.Random("co_gas_water_heater");
        _culprit = ProducerPool.Make(Category, "暖泉", null, null, random);
        _model = _culprit.Models[0];
        _culprit = _culprit with { Models = [_model] };
    }

    public override string Name => "co_gas_water_heater";

    public override ProductCategory Category { get; }

    public override Region? Region => Context.Region(Xiangyang);

    public override WarningLevel Level => WarningLevel.II;

    public override IEnumerable<StationRequirement> RequiredStations =>
        [new(StationKind.Hospital, Xiangyang), new(StationKind.ComplaintCentre, Xiangyang)];

    public override IEnumerable<ComplaintBurst> Complaints(int month)
    {
        if (Span.Contains(month))
        {
            var expected = PeakComplaints * Context.Volumes.ComplaintScenarioFactor * Span.Intensity(month);
            yield return new ComplaintBurst(Category, Region!, expected, ComplaintTone.Incident, "co_poisoning", 0.35, _culprit, 0.85);
        }
    }

    public override IEnumerable<SampleBurst> Samples(int month)
    {
        if (month == Span.Start || month == Span.Peak)
        {
            yield return new SampleBurst(Category, Region, ScaledSamples(10, minimum: 3), $"{Year(month)}年襄阳市燃气热水器产品质量专项监督抽查",
                _culprit, 0.5, 0.9, ["一氧化碳含量", "烟道密封性"]);
        }
    }

    public override IEnumerable<StationSignal> Signals(int month)
    {
        if (!Span.Contains(month))
        {
            yield break;
        }

        var intensity = Span.Intensity(month);
        var poisoned = 1 + (int)Math.Round(10 * intensity);
        yield return new StationSignal(StationKind.Hospital, Region!, Category, "co_poisoning", poisoned, poisoned, 0,
            $"接诊使用燃气热水器导致一氧化碳中毒患者{poisoned}人，多为{_culprit.Brand}牌{_model}型号", Major: month == Span.Peak);
        var complaints = (int)Math.Round(PeakComplaints * Context.Volumes.ComplaintScenarioFactor * intensity * 0.6);
        yield return new StationSignal(StationKind.ComplaintCentre, Region!, Category, "co_poisoning", complaints, 0, 0,
            $"受理{_culprit.Brand}牌燃气热水器一氧化碳中毒相关投诉{complaints}件", Major: false);
    }
}
