using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>Monthly volumes for a scale, and how strongly planted scenarios show in them.</summary>
/// <param name="ComplaintScenarioFactor">Multiplies scenario complaint counts (written for province scale).</param>
/// <param name="SampleScenarioFactor">Multiplies scenario spot-check sample counts.</param>
/// <remarks>
/// Scenario counts shrink with the square root of the volume ratio, not the ratio itself: Poisson noise grows as the square
/// root of the background, so a signal scaled this way stands as many standard deviations above it at either scale.
/// </remarks>
internal sealed record SampleVolumes(int Complaints, int Samples, int Stations, double ComplaintScenarioFactor, double SampleScenarioFactor)
{
    private const int ProvinceComplaints = 50_000;
    private const int ProvinceSamples = 400;

    public static SampleVolumes For(SampleScale scale) => scale switch
    {
        SampleScale.Province => new(ProvinceComplaints, ProvinceSamples, 150, 1.0, 1.0),
        _ => new(1_500, 60, 30, Math.Sqrt(1_500.0 / ProvinceComplaints), Math.Sqrt(60.0 / ProvinceSamples)),
    };
}

/// <summary>Ordinary ups and downs of complaint volume that are not risks: heating and cooling seasons, shopping festivals.</summary>
internal static class Seasonality
{
    private static readonly double[] Winter = [2.6, 1.9, 1.2, 0.6, 0.55, 0.5, 0.5, 0.5, 0.55, 1.1, 1.8, 2.4];
    private static readonly double[] Summer = [0.55, 0.5, 0.55, 0.7, 1.2, 2.0, 2.6, 2.3, 1.1, 0.6, 0.5, 0.5];

    // 3·15 consumer-rights day in March, Double 11 in November, Spring Festival in February.
    private static readonly double[] Shopping = [1.0, 0.9, 1.12, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.08, 1.0];

    /// <summary>Month-of-year factor for the category's season, averaging 1 over a year.</summary>
    public static double Factor(ProductCategory category, int calendarMonth) => category.Season switch
    {
        "winter" => Normalised(Winter, calendarMonth),
        "summer" => Normalised(Summer, calendarMonth),
        _ => 1.0,
    };

    /// <summary>Province-wide, all categories, averaging 1 over a year.</summary>
    public static double Calendar(int calendarMonth) => Normalised(Shopping, calendarMonth);

    private static double Normalised(double[] table, int calendarMonth) => table[calendarMonth - 1] * table.Length / table.Sum();
}

/// <summary>Each category's share of the complaint volume (by code; categories not listed get <see cref="Default"/>).</summary>
internal static class ComplaintShares
{
    private const double Default = 2.0;

    private static readonly Dictionary<string, double> Shares = new(StringComparer.Ordinal)
    {
        ["EB01"] = 10, ["EB02"] = 3, ["EB03"] = 4, ["EB04"] = 1.5, ["GA01"] = 4, ["GA02"] = 3, ["KA01"] = 3, ["KA02"] = 4,
        ["KA03"] = 3, ["HE01"] = 4, ["FA01"] = 3, ["EL01"] = 2, ["EL02"] = 3, ["EL03"] = 3, ["TY01"] = 5, ["TY02"] = 3,
        ["TX01"] = 5, ["TX02"] = 12, ["FW01"] = 10, ["FU01"] = 8, ["BM01"] = 3, ["BM02"] = 1, ["AG01"] = 1.5, ["CP01"] = 2,
    };

    public static double Of(ProductCategory category) => Shares.GetValueOrDefault(category.Code, Default);
}
