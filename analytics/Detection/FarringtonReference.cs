namespace RiskMonitor.Analytics.Detection;

/// <summary>A past period used to fit the Farrington model, with its level of the seasonal factor.</summary>
/// <param name="Index">0-based index of the period in the series.</param>
/// <param name="Level">0 inside a seasonal window around the same period of a past year, 1 … NoPeriods − 1 outside.</param>
public readonly record struct ReferencePeriod(int Index, int Level);

/// <summary>Chooses the periods that form the baseline of a Farrington fit.</summary>
/// <remarks>
/// <para>
/// Original method (<c>NoPeriods = 1</c>): only the windows t − i·f − w … t − i·f + w for i = 1 … b, all on level 0.
/// Improved method (Noufaily et al. 2013, <c>farringtonFlexible</c> with <c>noPeriods = 10</c>): every period from
/// t − b·f − w to t − e − 1 (e = periods left out, w by default), with a seasonal factor: level 0 inside the windows
/// (the current window included), and the f − 2w − 1 periods between two consecutive windows split into NoPeriods − 1
/// consecutive blocks of near-equal length, numbered 1, 2, … going back from the start of the later window; when the gap
/// does not divide evenly the first blocks are one period longer. Monthly data with w = 3 leave a 5-month gap, so only
/// blocks 1 … 5 (one month each) occur; weekly data leave 45 weeks, nine blocks of 5.
/// </para>
/// </remarks>
public static class FarringtonReference
{
    /// <summary>
    /// The reference periods of period <paramref name="t"/> in a series of <paramref name="frequency"/> periods per year,
    /// in index order; null when the series does not reach b years and w periods back.
    /// </summary>
    public static IReadOnlyList<ReferencePeriod>? Select(int t, int frequency, FarringtonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (b, w) = (options.B, options.W);
        var first = t - (b * frequency) - w;
        if (first < 0)
        {
            return null;
        }

        var last = t - options.Excluded - 1;
        var selected = new List<ReferencePeriod>();
        for (var s = first; s <= last; s++)
        {
            var level = LevelOf(s - t, frequency, options);
            if (options.NoPeriods > 1 || level == 0)
            {
                selected.Add(new ReferencePeriod(s, level));
            }
        }

        return selected;
    }

    /// <summary>
    /// The seasonal-factor level of a period <paramref name="offset"/> periods from the current one (negative: in the past);
    /// −1 outside the windows when the original method (<c>NoPeriods = 1</c>) leaves the period out.
    /// </summary>
    public static int LevelOf(int offset, int frequency, FarringtonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var w = options.W;
        var phase = ((offset % frequency) + frequency) % frequency;
        if (phase <= w || phase >= frequency - w)
        {
            return 0;
        }

        if (options.NoPeriods == 1)
        {
            return -1;
        }

        // Distance back from the start of the next window, 0 for the period just before it.
        var back = frequency - w - 1 - phase;
        var gap = frequency - (2 * w) - 1;
        var blocks = options.NoPeriods - 1;
        var (length, longer) = (gap / blocks, gap % blocks);
        var level = 1;
        var end = length + (longer > 0 ? 1 : 0);
        while (back >= end)
        {
            level++;
            end += length + (level <= longer ? 1 : 0);
        }

        return level;
    }
}
