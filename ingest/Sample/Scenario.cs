using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>The months a scenario covers, as month indices: it rises from <see cref="Start"/> to <see cref="Peak"/>, then fades until <see cref="End"/>.</summary>
internal sealed record ScenarioSpan(int Start, int Peak, int End)
{
    public bool Contains(int month) => month >= Start && month <= End;

    /// <summary>0 outside the span, rising linearly to 1 at the peak, halving each month after it.</summary>
    public double Intensity(int month) =>
        !Contains(month) ? 0 : month <= Peak ? (month - Start + 1.0) / (Peak - Start + 1) : Math.Pow(0.5, month - Peak);
}

/// <summary>Extra complaints a scenario causes in one division in one month.</summary>
/// <param name="Expected">Mean count for the month (drawn as Poisson, spread over its days).</param>
/// <param name="CulpritShare">Share of these complaints naming <paramref name="Culprit"/>'s brand.</param>
internal sealed record ComplaintBurst(
    ProductCategory Category, Region Region, double Expected, ComplaintTone Tone, string? Hazard, double InjuryRate,
    Producer? Culprit, double CulpritShare);

/// <summary>Extra spot-check samples a scenario causes: a special task, partly sampling the culprit's products.</summary>
/// <param name="Region">Where samples are taken; spread over the province by population when null.</param>
/// <param name="CulpritFailure">Failure rate of the culprit's samples, on <paramref name="FailedItems"/>; others fail at the background rate.</param>
internal sealed record SampleBurst(
    ProductCategory Category, Region? Region, int Samples, string Task, Producer? Culprit, double CulpritShare, double CulpritFailure,
    IReadOnlyList<string> FailedItems);

/// <summary>What a station of a kind in a division reports about a scenario in one month.</summary>
internal sealed record StationSignal(
    StationKind Kind, Region Region, ProductCategory Category, string Hazard, int Cases, int Injuries, int Deaths, string Description, bool Major);

/// <summary>What every scenario can see: the dictionaries, the volumes and the calendar.</summary>
internal sealed record ScenarioContext(ReferenceData Reference, SampleVolumes Volumes, IReadOnlyList<DateOnly> Months, int Seed)
{
    public Region Region(string code) => Reference.Region(code);

    public ProductCategory Category(string code) => Reference.Category(code);

    /// <summary>A division's share of Hubei's population.</summary>
    public double PopulationShare(Region region) => region.Population10k / Reference.Divisions.Sum(d => d.Population10k);

    public Random Random(string purpose) => SampleRandom.For(Seed, "scenario-" + purpose);
}

/// <summary>
/// A planted risk: a coherent signal across complaints, spot checks and station reports, and its line in the ground truth.
/// Each source asks every scenario what to add in a month; a scenario with nothing to add returns nothing.
/// </summary>
internal abstract class Scenario(ScenarioContext context, ScenarioSpan span)
{
    public ScenarioSpan Span { get; } = span;

    protected ScenarioContext Context { get; } = context;

    public abstract string Name { get; }

    public abstract ProductCategory Category { get; }

    /// <summary>The division the risk is graded for; null when province-wide.</summary>
    public virtual Region? Region => null;

    public abstract WarningLevel Level { get; }

    public virtual IEnumerable<StationRequirement> RequiredStations => [];

    public virtual IEnumerable<ComplaintBurst> Complaints(int month) => [];

    public virtual IEnumerable<SampleBurst> Samples(int month) => [];

    public virtual IEnumerable<StationSignal> Signals(int month) => [];

    public PlantedScenario Truth() => new(Name, Category.Name, Region?.Name ?? string.Empty,
        Context.Months[Span.Start], Context.Months[Span.Peak], Context.Months[Span.End], Level);

    protected int Year(int month) => Context.Months[month].Year;

    /// <summary>A spot-check sample count scaled for the volume, never below <paramref name="minimum"/>.</summary>
    protected int ScaledSamples(double provinceCount, int minimum = 2) =>
        Math.Max(minimum, (int)Math.Round(provinceCount * Context.Volumes.SampleScenarioFactor));
}
