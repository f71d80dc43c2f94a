namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Positions the planted scenarios in the generated months. From 18 months on, every scenario starts after 12 clean months
/// (so that a detector has a year of history, seasons included); with fewer months the clean lead is half the range and
/// scenarios are shortened to fit. The winter scenario looks for a December (else November, else January) start.
/// </summary>
internal static class ScenarioPlanner
{
    // December first: the peak then falls in January, the coldest month.
    private static readonly int[] WinterStarts = [12, 11, 1];

    public static IReadOnlyList<Scenario> Place(ScenarioContext context)
    {
        var months = context.Months.Count;
        var clean = months >= 18 ? 12 : months / 2;
        var last = months - 1;

        // Laid out backwards from the last month so that a 24-month run reads: CO in winter, batteries in spring and
        // summer, tiles alongside, toys in summer, the kettle spike in September fading in October.
        ScenarioSpan Fit(int duration, int peakOffset, int gapAfter)
        {
            var end = Math.Clamp(last - gapAfter, clean, last);
            var start = Math.Max(clean, end - duration + 1);
            return new ScenarioSpan(start, Math.Min(end, start + peakOffset), end);
        }

        return
        [
            new EbikeBatteryFireScenario(context, Fit(duration: 5, peakOffset: 3, gapAfter: 3)),
            new GasHeaterCoScenario(context, WinterSpan(context, clean) ?? Fit(duration: 3, peakOffset: 1, gapAfter: 4)),
            new ToySmallPartsScenario(context, Fit(duration: 3, peakOffset: 1, gapAfter: 2)),
            new KettleMediaSpikeScenario(context, Fit(duration: 2, peakOffset: 0, gapAfter: 0)),
            new TileLabellingScenario(context, Fit(duration: 6, peakOffset: 3, gapAfter: 2)),
        ];
    }

    /// <summary>Start, peak and fade in consecutive winter months: the latest such start, preferring one after the clean lead.</summary>
    private static ScenarioSpan? WinterSpan(ScenarioContext context, int clean)
    {
        var months = context.Months;
        var starts = WinterStarts
            .Select(m => Enumerable.Range(0, months.Count - 1).Where(i => months[i].Month == m).Cast<int?>().LastOrDefault())
            .OfType<int>()
            .ToList();
        if (starts.Count == 0)
        {
            return null;
        }

        var start = starts.Where(s => s >= clean).Cast<int?>().FirstOrDefault() ?? starts[0];
        return new ScenarioSpan(start, start + 1, Math.Min(months.Count - 1, start + 2));
    }
}
