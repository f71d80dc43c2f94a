using System.Text.RegularExpressions;

namespace RiskMonitor.Analytics.Detection;

/// <summary>Infers how many periods make a year from the shape of period labels.</summary>
/// <remarks>
/// <c>2026-03</c> (also <c>2026/03</c>, <c>202603</c>) is monthly (12); <c>2026-W12</c> (also <c>2026W12</c>) is weekly (52);
/// <c>2026-Q1</c> is quarterly (4). Every label must have the same shape, otherwise the frequency stays unknown.
/// </remarks>
public static partial class PeriodFrequency
{
    /// <summary>12, 52 or 4 when every label has the same recognised shape; null otherwise.</summary>
    public static int? Infer(IReadOnlyList<string> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return null;
        }

        int? frequency = null;
        foreach (var period in periods)
        {
            int? one = Monthly().IsMatch(period) ? 12 : Weekly().IsMatch(period) ? 52 : Quarterly().IsMatch(period) ? 4 : null;
            if (one is null || (frequency is not null && frequency != one))
            {
                return null;
            }

            frequency = one;
        }

        return frequency;
    }

    [GeneratedRegex(@"^\d{4}[-/]?(0[1-9]|1[0-2])$")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"^\d{4}-?W(0[1-9]|[1-4]\d|5[0-3])$", RegexOptions.IgnoreCase)]
    private static partial Regex Weekly();

    [GeneratedRegex(@"^\d{4}-?Q[1-4]$", RegexOptions.IgnoreCase)]
    private static partial Regex Quarterly();
}
