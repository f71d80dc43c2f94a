using System.Diagnostics;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Generates a synthetic Hubei: for every month, one file each of 12315 complaints, spot-check results and station reports
/// (named like complaints-2026-03.csv, spot-checks-2026-03.xlsx), with ordinary noise and seasons, a few dirty rows, and a
/// handful of planted risks listed in ground-truth.csv.
/// </summary>
/// <remarks>
/// Every file draws from its own seeded generator (seed, source, month), so the output is byte-identical for the same
/// options however the files are scheduled; they are written in parallel, each streaming its rows.
/// </remarks>
public static class SampleProvince
{
    public static SampleSummary Generate(SampleOptions options, ReferenceData? reference = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Months, 120);

        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);
        var world = new SampleWorld(options, reference ?? ReferenceData.Default);
        var plans = world.Months
            .SelectMany((month, i) => Enum.GetValues<SourceKind>().Select(source => FilePlan.For(source, i, month, options.OutputDirectory)))
            .ToList();

        var files = new SampleFile[plans.Count];
        Parallel.For(0, plans.Count, k => files[k] = plans[k].Source switch
        {
            SourceKind.Complaints => ComplaintsFile.Write(plans[k], world),
            SourceKind.SpotChecks => SpotChecksFile.Write(plans[k], world),
            _ => StationReportsFile.Write(plans[k], world),
        });

        var scenarios = world.Scenarios.Select(s => s.Truth()).ToList();
        var groundTruth = GroundTruth.Write(options.OutputDirectory, scenarios);
        return new SampleSummary(files, groundTruth, scenarios, world.Months[0], world.Months[^1], stopwatch.Elapsed);
    }
}
