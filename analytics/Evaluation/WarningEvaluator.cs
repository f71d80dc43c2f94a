using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Evaluation;

/// <summary>How one planted risk was caught.</summary>
/// <param name="FirstWarning">The first month a matching subject was warned, from the start month on; null if never.</param>
/// <param name="LevelByPeak">The highest level warned on a matching subject from the start to the peak month.</param>
/// <param name="LeadMonths">Peak month minus first warning month; null if not warned by the peak.</param>
public sealed record ScenarioOutcome(PlantedRisk Risk, DateOnly? FirstWarning, WarningLevel LevelByPeak, int? LeadMonths)
{
    /// <summary>Warned by the peak month at the true level or one level off.</summary>
    public bool Caught => LeadMonths is not null && Math.Abs((int)LevelByPeak - (int)Risk.Level) <= 1;

    /// <summary>Warned strictly before the peak month at the true level or one level off.</summary>
    public bool CaughtBeforePeak => Caught && LeadMonths > 0;
}

/// <summary>The evaluation of stored assessments against planted risks.</summary>
/// <param name="WarnedSubjectMonths">Subject-months warned (category subjects, all analysed months).</param>
/// <param name="TrueSubjectMonths">Of those, the ones matching a planted risk.</param>
/// <param name="SeasonalWarnings">Warned subject-months of a seasonal category matching no planted risk: warnings on pure seasonality.</param>
public sealed record EvaluationReport(
    IReadOnlyList<ScenarioOutcome> Scenarios, int WarnedSubjectMonths, int TrueSubjectMonths, int WarnedSubjects, int TrueSubjects,
    int SeasonalWarnings, Agreement Agreement, int Months)
{
    public double Recall => Scenarios.Count == 0 ? 0 : Scenarios.Count(s => s.Caught) / (double)Scenarios.Count;

    public double Precision => WarnedSubjectMonths == 0 ? 0 : TrueSubjectMonths / (double)WarnedSubjectMonths;

    public double SubjectPrecision => WarnedSubjects == 0 ? 0 : TrueSubjects / (double)WarnedSubjects;

    public double? MedianLeadMonths
    {
        get
        {
            var leads = Scenarios.Where(s => s.LeadMonths is not null).Select(s => (double)s.LeadMonths!.Value).Order().ToList();
            return leads.Count == 0 ? null : leads.Count % 2 == 1 ? leads[leads.Count / 2] : (leads[(leads.Count / 2) - 1] + leads[leads.Count / 2]) / 2;
        }
    }
}

/// <summary>Scores the assessments in <c>risk_assessments</c> against planted risks (<c>riskmonitor evaluate --truth</c>).</summary>
/// <remarks>
/// A warned subject-month matches a planted risk of the same category when it lies between the start month and
/// <see cref="TruthWindows.GraceMonths"/> after the peak, and it is the risk's own division, or the risk is province-wide
/// (the province or any division). A province-wide warning for a risk of one division does not match: its scope is
/// wrong. κ compares every category subject-month's level with the true level (the risk's level on its own subject from
/// the start to the month after the peak, none elsewhere), leaving out the months just after that and the divisions of a
/// province-wide risk, where either answer is defensible.
/// </remarks>
public static class WarningEvaluator
{
    public static EvaluationReport Evaluate(DuckDbConnection connection, IReadOnlyList<PlantedRisk> truth, bool ruleLevelOnly = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(truth);
        var column = ruleLevelOnly ? "rule_level" : "level";
        var rows = connection.Query(
            $"""
            SELECT a.month, a.category_code, a.region_code, a.{column}, c.season <> ''
            FROM risk_assessments a JOIN dim_category c ON c.code = a.category_code
            WHERE a.subject_kind IN ('category', 'category_region')
            """,
            r => (Month: r.GetDate(0), Category: r.GetString(1), Region: r.GetString(2), Level: (WarningLevel)r.GetInt32(3), Seasonal: r.GetBoolean(4)));
        var warned = rows.Where(r => r.Level > WarningLevel.None).ToList();
        var matching = warned.Where(w => truth.Any(t => TruthWindows.Matches(t, w.Category, w.Region, w.Month))).ToList();
        var outcomes = truth.Select(t =>
        {
            var hits = warned.Where(w => w.Month >= t.Start && TruthWindows.Matches(t, w.Category, w.Region, w.Month)).ToList();
            DateOnly? first = hits.Count == 0 ? null : hits.Min(h => h.Month);
            var byPeak = hits.Where(h => h.Month <= t.Peak).Select(h => h.Level).DefaultIfEmpty(WarningLevel.None).Max();
            int? lead = first is { } f && f <= t.Peak ? ((t.Peak.Year - f.Year) * 12) + t.Peak.Month - f.Month : null;
            return new ScenarioOutcome(t, first, byPeak, lead);
        }).ToList();

        var pairs = rows
            .Select(r => (r, Truth: TruthWindows.TrueLevel(truth, r.Category, r.Region, r.Month)))
            .Where(p => p.Truth is not null)
            .Select(p => (p.Truth!.Value, p.r.Level));
        var warnedSubjects = warned.Select(w => (w.Category, w.Region)).Distinct().Count();
        var trueSubjects = matching.Select(w => (w.Category, w.Region)).Distinct().Count();
        var seasonal = warned.Count(w => w.Seasonal && !truth.Any(t => TruthWindows.Matches(t, w.Category, w.Region, w.Month)));
        return new EvaluationReport(outcomes, warned.Count, matching.Count, warnedSubjects, trueSubjects, seasonal, Agreement.Of(pairs),
            rows.Select(r => r.Month).Distinct().Count());
    }
}

/// <summary>When and where a planted risk is true: one place for the evaluation and the labels derived from ground truth.</summary>
public static class TruthWindows
{
    /// <summary>Months after the peak during which the risk is still present at its level (it fades, but has not gone).</summary>
    public const int ActiveAfterPeak = 1;

    /// <summary>Months after the peak during which a warning on it is still right.</summary>
    public const int GraceMonths = 3;

    public static bool Matches(PlantedRisk risk, string category, string region, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.CategoryCode == category && month >= risk.Start && month <= risk.Peak.AddMonths(GraceMonths)
            && (risk.RegionCode == region || risk.RegionCode.Length == 0);
    }

    /// <summary>The true level of a subject-month; null where it is left out of the comparison.</summary>
    public static WarningLevel? TrueLevel(IReadOnlyList<PlantedRisk> truth, string category, string region, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(truth);
        foreach (var risk in truth.Where(t => t.CategoryCode == category && month >= t.Start && month <= t.Peak.AddMonths(GraceMonths)))
        {
            if (risk.RegionCode == region)
            {
                return month <= risk.Peak.AddMonths(ActiveAfterPeak) ? risk.Level : null;
            }

            if (risk.RegionCode.Length == 0)
            {
                return null;
            }
        }

        return WarningLevel.None;
    }

    /// <summary>
    /// Labels derived from planted risks: each risk's level on its own subject from its start to the month after its peak,
    /// and an explicit none on that subject in every other month from <paramref name="firstMonth"/> to
    /// <paramref name="lastMonth"/> (which also sets the labelled range: every other subject-month in it counts as none).
    /// Synthetic: they stand in for analysts' decisions, which the demo lacks.
    /// </summary>
    public static IReadOnlyList<LevelLabel> Labels(IReadOnlyList<PlantedRisk> truth, DateOnly firstMonth, DateOnly lastMonth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var labels = new List<LevelLabel>();
        foreach (var subject in truth.GroupBy(t => (t.CategoryCode, t.RegionCode)))
        {
            for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
            {
                var active = subject.Where(t => month >= t.Start && month <= t.Peak.AddMonths(ActiveAfterPeak)).Select(t => t.Level)
                    .DefaultIfEmpty(WarningLevel.None).Max();
                labels.Add(new LevelLabel(month, subject.Key.CategoryCode, subject.Key.RegionCode, active));
            }
        }

        return labels;
    }
}
