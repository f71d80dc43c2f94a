using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>
/// Scores the Art. 19 factors for a subject's latest month from its recent history, and turns them into a level.
/// </summary>
/// <remarks>
/// The baseline is the larger of the mean of the previous six months and, when a year of history exists, the mean of the
/// same season last year (months m−13..m−11), so an ordinary winter rise in heater complaints is not a new risk.
/// A level is given only when something is elevated (the signal at least twice the baseline and beyond Poisson noise, or a
/// death); then the weighted score maps to I (≥ 16), II (≥ 12), III (≥ 8), IV (≥ 5); a death linked to the product
/// never yields less than II.
/// </remarks>
public static class RuleAssessor
{
    public const int MinimumSignal = 3;

    /// <param name="history">The subject's months in order, the month being assessed last.</param>
    /// <param name="categorySeverity">The worst injury severity (1–4) typical of the category's hazards.</param>
    public static FactorScores Score(IReadOnlyList<SubjectMonth> history, int categorySeverity)
    {
        ArgumentNullException.ThrowIfNull(history);
        var current = history[^1];
        var ratios = history.Select((_, i) => RatioAt(history, i)).ToArray();
        var (baseline, ratio) = ratios[^1];
        var previous = history.Count > 1 && history[^2].Month == current.Month.AddMonths(-1) ? history[^2].Signal : 0;

        var harm = current.Deaths > 0 ? 4
            : current.Injuries > 0 || current.InjuryComplaints >= 3 ? 3
            : current.SafetyFailures > 0 || current.HazardComplaints > 0 ? (categorySeverity >= 3 ? 2 : 1)
            : current.Failures > 0 ? 1 : 0;
        var frequency = FrequencyScore(current.Signal, ratio, baseline);
        var growth = (current.Signal + 1.0) / (previous + 1.0);
        var urgency = current.MajorReports > 0 ? (growth >= 2 ? 4 : 3) : growth >= 2 && current.Signal >= 5 ? 2 : growth >= 1.5 && current.Signal >= 5 ? 1 : 0;
        var scope = current.Subject.ProvinceWide
            ? current.RegionsAffected switch { >= 8 => 4, >= 5 => 3, >= 3 => 2, >= 2 => 1, _ => 0 }
            : 0;
        var elevated = 0;
        for (var i = history.Count - 1; i >= 0 && FrequencyScore(history[i].Signal, ratios[i].Ratio, ratios[i].Baseline) >= 2; i--)
        {
            elevated++;
        }

        var duration = Math.Min(elevated, 4);
        return new FactorScores(harm, urgency, scope, frequency, duration, new FactorInputs(
            current.Signal, baseline, Math.Round(ratio, 3), previous, current.Deaths, current.Injuries, current.MajorReports,
            current.SafetyFailures, current.RegionsAffected, elevated, categorySeverity));
    }

    public static WarningLevel Level(FactorScores factors, SubjectMonth current)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(current);
        var elevated = factors.Frequency >= 2 || current.Deaths > 0;
        if (!elevated)
        {
            return WarningLevel.None;
        }

        var level = factors.Score switch
        {
            >= 16 => WarningLevel.I,
            >= 12 => WarningLevel.II,
            >= 8 => WarningLevel.III,
            >= 5 => WarningLevel.IV,
            _ => WarningLevel.None,
        };
        return current.Deaths > 0 && level < WarningLevel.II ? WarningLevel.II : level;
    }

    /// <summary>0–4 by how many times the baseline the signal is, counted only when the excess is beyond Poisson noise
    /// (at least 3 standard deviations of a Poisson count with the baseline as its mean).</summary>
    private static int FrequencyScore(int signal, double ratio, double? baseline)
    {
        var mean = baseline ?? 0;
        if (signal < MinimumSignal || baseline is null || signal - mean < 3 * Math.Sqrt(Math.Max(mean, 1)))
        {
            return 0;
        }

        return ratio switch { >= 4 => 4, >= 3 => 3, >= 2 => 2, >= 1.5 => 1, _ => 0 };
    }

    private static (double? Baseline, double Ratio) RatioAt(IReadOnlyList<SubjectMonth> history, int index)
    {
        var month = history[index].Month;
        var recent = history.Take(index).Where(h => h.Month >= month.AddMonths(-6)).Select(h => h.Signal).ToList();
        var seasonal = history.Take(index).Where(h => h.Month >= month.AddMonths(-13) && h.Month <= month.AddMonths(-11)).Select(h => h.Signal).ToList();

        // The window covers the months since the subject first appeared (at most six); months inside it without a row had
        // no signal at all and count as zeros.
        var window = Math.Min(6, ((month.Year - history[0].Month.Year) * 12) + month.Month - history[0].Month.Month);
        if (window < 3)
        {
            return (null, 1);
        }

        var recentMean = recent.Sum() / (double)window;
        var baseline = seasonal.Count > 0 ? Math.Max(recentMean, seasonal.Sum() / 3.0) : recentMean;
        return (baseline, (history[index].Signal + 1.0) / (baseline + 1.0));
    }
}
