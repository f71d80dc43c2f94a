using RiskMonitor.Analytics.Aggregation;
using RiskMonitor.Analytics.Disproportionality;
using RiskMonitor.Analytics.Model;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>
/// <c>analyze --month</c>: brings aggregates up to date, measures the month's hazard disproportionality, runs every active
/// subject's series through the detectors, scores the five Art. 19 factors, levels them by rule and (when a model is
/// active) by the learned model, and stores the assessments; then assesses the month's producers (<see cref="ProducerAssessor"/>).
/// </summary>
/// <remarks>
/// Incremental: only stale months are re-aggregated, and only months not yet assessed are assessed (in order, since the
/// count of consecutive elevated months carries from one month to the next). Divisions are assessed before the
/// province-wide subject of their category, which needs to know how many of them are elevated.
/// </remarks>
public sealed class AssessmentRunner(ReferenceData reference, RiskRuleOptions? options = null, RiskModel? model = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly RuleMatrix _rules = new(options);

    /// <summary>Analyses <paramref name="month"/> (and any earlier month never assessed); returns the month's assessments, highest level first.</summary>
    public IReadOnlyList<RiskAssessment> Analyze(DuckDbConnection connection, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        month = new DateOnly(month.Year, month.Month, 1);
        var now = _time.GetUtcNow().UtcDateTime;
        var stale = SubjectMonthAggregator.StaleMonths(connection).Where(m => m <= month).ToList();
        foreach (var m in stale)
        {
            SubjectMonthAggregator.Aggregate(connection, m, now);
        }

        var pending = connection.Query(
            "SELECT DISTINCT month FROM agg_subject_month WHERE month < $1 AND elevated IS NULL ORDER BY month", r => r.GetDate(0), month);
        foreach (var earlier in pending)
        {
            AssessMonth(connection, earlier, now);
        }

        return AssessMonth(connection, month, now);
    }

    /// <summary>Assesses one month whose aggregates are up to date, replacing its earlier assessments (overrides are kept).</summary>
    public IReadOnlyList<RiskAssessment> AssessMonth(DuckDbConnection connection, DateOnly month, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var hazards = HazardSignalRunner.Run(connection, month, now)
            .GroupBy(s => new RiskSubject(s.CategoryCode, s.RegionCode))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<HazardEvidence>)g.Select(ToEvidence).ToList());
        var histories = SubjectHistoryReader.Read(connection, month);
        var provinces = histories.Where(h => h.Subject.ProvinceWide).ToDictionary(h => h.Subject.CategoryCode, h => h.Current, StringComparer.Ordinal);
        // Detection dominates the time (a Farrington fit per series); subjects are independent, so they run in parallel.
        var regional = histories.Where(h => !h.Subject.ProvinceWide).AsParallel().AsOrdered()
            .Select(h => ElevationRules.Evaluate(h, HazardsOf(hazards, h.Subject), Seasonal(h.Subject), _rules.Options,
                province: provinces.GetValueOrDefault(h.Subject.CategoryCode)))
            .ToList();
        var divisions = regional.ToLookup(e => e.Subject.CategoryCode, StringComparer.Ordinal);
        var evidence = regional.Concat(histories.Where(h => h.Subject.ProvinceWide).AsParallel().AsOrdered()
            .Select(h => ElevationRules.Evaluate(h, HazardsOf(hazards, h.Subject), Seasonal(h.Subject), _rules.Options,
                divisions[h.Subject.CategoryCode].ToList())))
            .ToList();
        var scored = evidence.Select(e =>
        {
            var factors = FactorScales.Score(e, _rules.Options);
            return (Evidence: e, Factors: factors, Rule: _rules.Level(factors, e));
        }).ToList();
        var verdicts = model is null || scored.Count == 0
            ? new ModelVerdict?[scored.Count]
            : model.Predict(scored.Select(s => RiskFeatures.Vector(s.Evidence, s.Factors, s.Rule)).ToList()).Cast<ModelVerdict?>().ToArray();
        var assessments = scored.Select((s, i) =>
        {
            var verdict = verdicts[i];
            var level = verdict is not null && verdict.Level > s.Rule.Level ? verdict.Level : s.Rule.Level;
            var explanation = AssessmentExplainer.Explain(s.Evidence, s.Factors, s.Rule, verdict, level, reference);
            return new RiskAssessment(month, s.Evidence.Subject, s.Evidence, s.Factors, s.Rule, verdict, level, explanation);
        })
            .OrderByDescending(a => a.Level).ThenByDescending(a => a.Factors.Score)
            .ToList();
        AssessmentStore.Save(connection, month, assessments, now);
        new ProducerAssessor(reference, _rules).AssessMonth(connection, month, now);
        return assessments;
    }

    private bool Seasonal(RiskSubject subject) =>
        reference.Categories.FirstOrDefault(c => c.Code == subject.CategoryCode)?.Season is { Length: > 0 };

    private static IReadOnlyList<HazardEvidence> HazardsOf(Dictionary<RiskSubject, IReadOnlyList<HazardEvidence>> hazards, RiskSubject subject) =>
        hazards.TryGetValue(subject, out var list) ? list : [];

    private HazardEvidence ToEvidence(StoredHazardSignal s) => new(
        s.HazardCode, reference.FindHazard(s.HazardCode)?.Severity ?? 1, s.Comparison, s.Measures.Table.A, s.Measures.Prr.Estimate,
        s.Measures.Ic.Lower, s.Measures.Signal);
}
