namespace RiskMonitor.Analytics.Detection;

/// <summary>Counts of one series in period order, the input of every <see cref="IAberrationDetector"/>.</summary>
/// <param name="Periods">Period labels, opaque to the detectors (for example <c>2026-03</c> or <c>2026-W12</c>).</param>
/// <param name="Counts">Non-negative counts aligned with <paramref name="Periods"/>.</param>
/// <param name="Frequency">Periods per year (12 monthly, 52 weekly) when known; only seasonal methods need it.</param>
public sealed record CountSeries(IReadOnlyList<string> Periods, IReadOnlyList<long> Counts, int? Frequency = null)
{
    /// <summary>The number of periods.</summary>
    public int Length => Counts.Count;

    /// <summary>A series whose periods are labelled 1, 2, … (for tests and ad-hoc use).</summary>
    public static CountSeries Of(IReadOnlyList<long> counts, int? frequency = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var labels = Enumerable.Range(1, counts.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new CountSeries(labels, counts, frequency);
    }

    /// <summary>Checks that periods and counts align, counts are non-negative and the frequency is positive.</summary>
    /// <exception cref="ArgumentException">The series is malformed.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Periods);
        ArgumentNullException.ThrowIfNull(Counts);
        if (Periods.Count != Counts.Count)
        {
            throw new ArgumentException($"Periods ({Periods.Count}) and counts ({Counts.Count}) differ in length.", nameof(Counts));
        }

        if (Counts.Any(c => c < 0))
        {
            throw new ArgumentException("Counts must be non-negative.", nameof(Counts));
        }

        if (Frequency is <= 0)
        {
            throw new ArgumentException("Frequency must be positive.", nameof(Frequency));
        }
    }
}
