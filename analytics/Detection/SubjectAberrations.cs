namespace RiskMonitor.Analytics.Detection;

/// <summary>One detector's verdict on a subject's latest month, kept with the assessment so an analyst sees what was expected.</summary>
/// <param name="Series"><see cref="SubjectAberrations.HazardSeries"/> or <see cref="SubjectAberrations.ConcernSeries"/>.</param>
/// <param name="Method">The detector's command-line name (ears-c1, ears-c2, ears-c3, cusum, farrington).</param>
/// <param name="Eligible">
/// Whether the verdict counts towards elevation: for a category with a season only a seasonal method (Farrington) does,
/// since the short moving baselines of EARS and CUSUM take every ordinary seasonal rise for an outbreak.
/// </param>
public sealed record Aberration(string Series, string Method, long Observed, double? Expected, double? Threshold, bool Alarm, double? Statistic, bool Eligible)
{
    /// <summary>An eligible detector that alarmed.</summary>
    public bool Counts => Eligible && Alarm;
}

/// <summary>Runs a subject's monthly series through every detector and reports the latest month.</summary>
/// <remarks>
/// EARS C1/C2/C3 and CUSUM use a 7-month baseline with the standard deviation (or √mean) raised to at least 1, so that a
/// series of zeros does not alarm on a single case. Farrington (improved method, w = 3) looks back as many whole years
/// as the series holds, up to five; it reports from one year and three months of history and counts from
/// <see cref="MinimumYears"/> years on.
/// </remarks>
public static class SubjectAberrations
{
    public const string HazardSeries = "hazard";
    public const string ConcernSeries = "complaints";
    private const int MonthsPerYear = 12;
    private const double MinSigma = 1;

    /// <summary>Years back Farrington needs before its verdict counts: with a single year, seven parameters are fitted to
    /// twelve months and the seasonal expectation swings wildly.</summary>
    public const int MinimumYears = 2;

    private static readonly EarsOptions Ears = new(Baseline: 7, MinSigma: MinSigma);
    private static readonly IAberrationDetector[] Moving =
    [
        new EarsC1Detector(Ears), new EarsC2Detector(Ears), new EarsC3Detector(Ears),
        new CusumDetector(new CusumOptions(Baseline: 7, MinSigma: MinSigma)),
    ];

    /// <summary>Every detector's result for the last period of <paramref name="counts"/>.</summary>
    /// <param name="seasonal">Whether the category has a season (<c>dim_category.season</c>).</param>
    public static IReadOnlyList<Aberration> Scan(string series, IReadOnlyList<string> periods, IReadOnlyList<long> counts, bool seasonal)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(counts);
        var data = new CountSeries(periods, counts, MonthsPerYear);
        var last = counts.Count - 1;
        var results = new List<Aberration>(Moving.Length + 1);
        foreach (var detector in Moving)
        {
            var r = detector.Detect(data)[last];
            results.Add(new Aberration(series, detector.Name, r.Count, r.Expected, r.Threshold, r.Alarm, r.Statistic, !seasonal && r.Expected is not null));
        }

        var years = Math.Min(5, (counts.Count - 1 - 3) / MonthsPerYear);
        if (years >= 1)
        {
            var farrington = new FarringtonFlexibleDetector(new FarringtonOptions(B: years));
            var r = farrington.DetectAt(data, last);
            results.Add(new Aberration(series, farrington.Name, r.Count, r.Expected, r.Threshold, r.Alarm, r.Statistic, r.Expected is not null && years >= MinimumYears));
        }

        return results;
    }
}
