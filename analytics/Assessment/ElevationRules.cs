using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>Decides whether a subject's month is elevated: the gate before any warning level.</summary>
/// <remarks>
/// <para>
/// Expected hazard signal E: for a category without a season, the EARS C2 baseline (mean of months t−9 … t−3, so that a
/// rise over the last two months does not hide itself); for a seasonal category, Farrington's seasonal expectation once
/// two years and a quarter of history exist (with one year its fit is too loose to trust), and before that the mean
/// signal of the past months scaled by this month's complaint volume against theirs (an ordinary seasonal rise raises the
/// expectation with it), months already found elevated left out.
/// </para>
/// <para>
/// The hazard signal S is elevated when S ≥ <c>MinimumSignal</c>; it is beyond noise (a Poisson count of mean max(E, ½)
/// reaches S with probability at most <c>HazardAlpha</c>, or this month and the last, each at least the minimum signal,
/// together exceed twice the expectation at that level, which catches a small excess that persists); at least
/// <c>MinimumAlarms</c> eligible detectors alarm (statistical evidence: they all read the same count, so together they
/// count once); and it is corroborated from elsewhere: a rising-hazard signal (disproportionality against the subject's own
/// past year), a producer failing its second spot check in a row, or the previous month elevated (an elevation goes on
/// while the excess lasts, 003 Art. 24). An overwhelming excess (probability at most <c>StrongAlpha</c>) needs no
/// corroboration. A seasonal category, where only Farrington's verdict is season-aware, is elevated on corroboration alone
/// or on an overwhelming excess Farrington confirms.
/// </para>
/// <para>
/// Complaints as such (public concern, 003 Art. 12(4)) are elevated when there are at least <c>MinimumConcern</c>, at
/// least twice their expectation, beyond noise at <c>ConcernAlpha</c>, with the detectors agreeing. A province-wide
/// subject is elevated only when at least <c>ProvinceMinimumRegions</c> divisions are; otherwise the rise belongs to the
/// division and is warned there.
/// </para>
/// </remarks>
public static class ElevationRules
{
    public const int MinimumConcern = 10;

    /// <summary>The evidence for a subject; for a province-wide subject pass its divisions' evidence of the month.</summary>
    public static SubjectEvidence Evaluate(
        SubjectHistory history, IReadOnlyList<HazardEvidence> hazards, bool seasonal, RiskRuleOptions options,
        IReadOnlyList<SubjectEvidence>? divisions = null, SubjectMonth? province = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(hazards);
        ArgumentNullException.ThrowIfNull(options);
        var months = history.Months;
        var current = history.Current;
        var periods = history.Periods;
        var aberrations = SubjectAberrations.Scan(SubjectAberrations.HazardSeries, periods, months.Select(m => (long)m.Signal).ToList(), seasonal)
            .Concat(SubjectAberrations.Scan(SubjectAberrations.ConcernSeries, periods, months.Select(m => (long)m.Complaints).ToList(), seasonal))
            .ToList();
        var (expected, method) = ExpectedSignal(history, aberrations, seasonal);
        var expectedComplaints = Expected(aberrations, SubjectAberrations.ConcernSeries, seasonal);
        var previous = months.Count > 1 ? months[^2] : null;

        // The detectors all read the same count: together they are one piece of statistical evidence. Corroboration comes
        // from elsewhere: what the complaints say (a rising hazard), what inspections found (a repeat failure), or the
        // elevation going on from last month. A rise needs both, unless it is overwhelming.
        var alarms = aberrations.Count(a => a.Series == SubjectAberrations.HazardSeries && a.Counts);
        var statistical = seasonal ? alarms >= 1 : alarms >= options.MinimumAlarms;
        var corroborated = hazards.Any(h => h.Comparison == "history" && h.Signal && h.Count >= options.MinimumSignal)
            || current.RepeatFailureProducers > 0 || history.PreviousElevatedMonths > 0;
        var overwhelming = expected is not null && UpperTail(current.Signal, expected) <= options.StrongAlpha;
        var beyond = BeyondNoise(current.Signal, expected, options.HazardAlpha)
            || (previous is not null && previous.Signal >= options.MinimumSignal && expected is { } e2
                && BeyondNoise(current.Signal + previous.Signal, 2 * Math.Max(e2, MinimumExpected), options.HazardAlpha));
        var hazardElevated = current.Signal >= options.MinimumSignal && beyond
            && (seasonal ? corroborated || (statistical && overwhelming) : statistical && (corroborated || overwhelming));
        var needed = seasonal ? 1 : options.MinimumAlarms;
        var concernElevated = current.Complaints >= MinimumConcern && expectedComplaints is { } ec && current.Complaints >= 2 * ec
            && BeyondNoise(current.Complaints, ec, options.ConcernAlpha)
            && aberrations.Count(a => a.Series == SubjectAberrations.ConcernSeries && a.Counts) >= needed;

        var elevatedRegions = divisions?.Count(d => d.Elevated) ?? 0;
        var localised = current.Subject.ProvinceWide && elevatedRegions < options.ProvinceMinimumRegions;
        var elevated = !localised && (hazardElevated || concernElevated || current.AllDeaths > 0 || current.MajorReports > 0);
        return new SubjectEvidence(
            current, previous?.Signal ?? 0, previous?.Complaints ?? 0, expected, method, expectedComplaints, aberrations, hazards, seasonal,
            hazardElevated && !localised, concernElevated && !localised, current.Subject.ProvinceWide ? elevatedRegions : elevated ? 1 : 0,
            elevated ? history.PreviousElevatedMonths + 1 : 0, RelativeRate(current, province), localised);
    }

    public const string VolumeScaled = "volume-scaled";

    /// <summary>The expectation is floored at this, so that a quiet history does not make every single case significant.</summary>
    public const double MinimumExpected = 0.5;

    /// <summary>P(X ≥ observed) for X Poisson with mean max(expected, ½); 1 without an expectation.</summary>
    public static double UpperTail(double observed, double? expected)
    {
        if (expected is not { } e || observed <= 0)
        {
            return 1;
        }

        return 1 - MathNet.Numerics.Distributions.Poisson.CDF(Math.Max(e, MinimumExpected), Math.Ceiling(observed) - 1);
    }

    /// <summary>Whether <paramref name="observed"/> is beyond Poisson noise around <paramref name="expected"/> at level <paramref name="alpha"/>.</summary>
    public static bool BeyondNoise(double observed, double? expected, double alpha) =>
        expected is not null && observed > expected && UpperTail(observed, expected) <= alpha;

    private static (double? Expected, string Method) ExpectedSignal(SubjectHistory history, IReadOnlyList<Aberration> aberrations, bool seasonal)
    {
        var months = history.Months;
        var detected = Expected(aberrations, SubjectAberrations.HazardSeries, seasonal);
        if (detected is not null)
        {
            return (detected, seasonal ? "farrington" : "ears-c2");
        }

        if (!seasonal)
        {
            return (null, string.Empty);
        }

        // Up to a year back, at least three months, leaving out months already found elevated (an outbreak must not raise
        // its own expectation): their mean signal scaled by this month's volume against theirs.
        var past = months.Take(months.Count - 1).TakeLast(12).Where(m => !history.WasElevated(m.Month)).ToList();
        if (past.Count < 3)
        {
            return (null, string.Empty);
        }

        var (signal, complaints) = (past.Average(m => m.Signal), past.Average(m => m.Complaints));
        var scale = complaints > 0 ? months[^1].Complaints / complaints : 1;
        return (signal * scale, VolumeScaled);
    }

    private static double? Expected(IReadOnlyList<Aberration> aberrations, string series, bool seasonal) =>
        aberrations.FirstOrDefault(a => a.Series == series && a.Method == (seasonal ? "farrington" : "ears-c2") && a.Eligible)?.Expected;

    /// <summary>
    /// A division's hazard signal per 10,000 residents against the rest of the province's (the rest's signal plus ½, so that
    /// a quiet rest of the province gives a finite ratio); null without populations.
    /// </summary>
    private static double? RelativeRate(SubjectMonth current, SubjectMonth? province)
    {
        if (current.Subject.ProvinceWide || province is null || current.Population10k is not > 0 || province.Population10k is not { } total
            || total <= current.Population10k)
        {
            return null;
        }

        var rest = province.Signal - current.Signal + 0.5;
        return current.Signal / current.Population10k.Value / (rest / (total - current.Population10k.Value));
    }
}
