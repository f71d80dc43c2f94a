using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>How much data a sample province produces each month.</summary>
public enum SampleScale
{
    /// <summary>About 1,500 complaints, 60 spot-check samples and 30 stations a month: for demos and tests.</summary>
    Small,

    /// <summary>About 50,000 complaints, 400 spot-check samples and 150 stations a month: Hubei's real order of magnitude.</summary>
    Province,
}

/// <summary>What <see cref="SampleProvince.Generate"/> writes.</summary>
/// <param name="OutputDirectory">Created when missing; files of the same name are overwritten.</param>
/// <param name="Months">How many consecutive months, 1 to 120; scenarios get 12 clean months before them from 18 months on.</param>
/// <param name="Seed">Same seed, same options: byte-identical files.</param>
/// <param name="FirstMonth">The first month (its day is ignored); by default the one that makes the last month <see cref="DefaultLastMonth"/>.</param>
public sealed record SampleOptions(
    string OutputDirectory,
    int Months = 24,
    int Seed = 20261031,
    SampleScale Scale = SampleScale.Small,
    DateOnly? FirstMonth = null)
{
    /// <summary>The last generated month when <see cref="FirstMonth"/> is not given: October 2026.</summary>
    public static DateOnly DefaultLastMonth { get; } = new(2026, 10, 1);

    /// <summary>The first generated month, as the first day of that month.</summary>
    public DateOnly ResolvedFirstMonth =>
        FirstMonth is { } first ? new DateOnly(first.Year, first.Month, 1) : DefaultLastMonth.AddMonths(1 - Months);
}

/// <summary>One generated file.</summary>
/// <param name="Source">complaints, spot-checks or station-reports (the source names of the header mapping).</param>
/// <param name="Encoding">utf-8-bom, gb18030, or xlsx for Excel files.</param>
/// <param name="Rows">Data rows written, dirty ones included, title and header not.</param>
public sealed record SampleFile(string Path, string Source, DateOnly Month, string Encoding, long Rows);

/// <summary>A risk deliberately planted in the sample: one line of the ground truth.</summary>
/// <param name="Region">The division's full name, or empty for a province-wide risk.</param>
/// <param name="End">The last month the scenario leaves any trace (not part of the ground-truth file).</param>
public sealed record PlantedScenario(
    string Scenario, string Category, string Region, DateOnly Start, DateOnly Peak, DateOnly End, WarningLevel Level);

/// <summary>What a generation run wrote.</summary>
public sealed record SampleSummary(
    IReadOnlyList<SampleFile> Files,
    string GroundTruthPath,
    IReadOnlyList<PlantedScenario> Scenarios,
    DateOnly FirstMonth,
    DateOnly LastMonth,
    TimeSpan Elapsed);
