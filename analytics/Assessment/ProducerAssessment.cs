using System.Globalization;
using System.Text;
using System.Text.Json;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>One producer's month in one product category (a row of <c>agg_producer_month</c>) with its own history.</summary>
/// <param name="InjuryComplaints">Complaints naming the producer that report an injury or a death.</param>
/// <param name="ConsecutiveFailures">Failed spot checks in a row up to this month (000 Art. 27: two in a row).</param>
/// <param name="Regions">Divisions where its goods were complained about or sampled this month.</param>
/// <param name="BaselineHazardComplaints">Mean hazard complaints a month over the twelve months before (missing months count 0).</param>
/// <param name="ConcernMonths">Months in a row, ending with this one, with a hazard complaint or a failed sample.</param>
public sealed record ProducerMonth(
    DateOnly Month,
    string Producer,
    string CategoryCode,
    int Complaints,
    int HazardComplaints,
    int InjuryComplaints,
    int OnlineComplaints,
    int Samples,
    int Failures,
    int SafetyFailures,
    int LabellingFailures,
    int ConsecutiveFailures,
    int Regions,
    double BaselineHazardComplaints,
    int ConcernMonths);

/// <summary>A producer's assessment: whether it is elevated, its five factor scores and the matrix level, with the reasons in Chinese.</summary>
public sealed record ProducerAssessment(ProducerMonth Input, bool Elevated, IReadOnlyList<string> Reasons, FactorScores Factors, WarningLevel Level);

/// <summary>
/// The producer as a risk subject (issue: subjects are category × region, category province-wide, and producer). Scales, 0–4:
/// <list type="bullet">
/// <item><b>Elevated</b> when any holds: two or more failed spot checks in a row (000 Art. 27); a failed safety item together
/// with a hazard or injury complaint about the same goods; hazard complaints of at least <c>MinimumSignal</c> beyond Poisson
/// noise over its own twelve-month baseline (E + <c>NoiseSigmas</c>·√E); three or more injury complaints.</item>
/// <item><b>Harm</b>: 4 five or more injury complaints in a category whose worst hazard has severity 4; 3 three or more injury
/// complaints; 2 an injury complaint or a failed safety item; 1 any hazard complaint or failed sample; 0 nothing.</item>
/// <item><b>Urgency</b>: 4 failing in a row with a failed safety item; 3 failing in a row, or hazard complaints at least 4
/// times the baseline; 2 at least twice the baseline, or failures and complaints corroborating each other; 1 elevated; 0.</item>
/// <item><b>Scope</b>: divisions d ≥ 9 → 4, 4–8 → 3, 2–3 → 2, 1 → 1; plus 1 when at least 75 % of ten or more complaints are
/// about goods bought online; at most 4.</item>
/// <item><b>Frequency</b>: hazard complaints and failures n this month: ≥ 20 → 4, ≥ 10 → 3, ≥ 5 → 2, ≥ 1 → 1.</item>
/// <item><b>Duration</b>: months in a row with a hazard complaint or a failure: 1 → 1, 2 → 2, 3–5 → 3, ≥ 6 → 4.</item>
/// </list>
/// The level is the configured matrix's cell (harm × exposure) when elevated. Producers with nothing hazardous this month
/// (no hazard or injury complaint, no failure) are not assessed.
/// </summary>
public sealed class ProducerAssessor(ReferenceData reference, RuleMatrix rules)
{
    private const string CurrentSql = """
        SELECT producer, category_code, complaints, hazard_complaints, injury_complaints, online_complaints, samples, failures,
               safety_failures, labelling_failures, consecutive_failures, regions
        FROM agg_producer_month
        WHERE month = $1 AND (hazard_complaints > 0 OR injury_complaints > 0 OR failures > 0)
        """;

    private const string HistorySql = """
        SELECT h.producer, h.category_code, h.month, h.hazard_complaints, h.failures
        FROM agg_producer_month h
        SEMI JOIN (SELECT producer, category_code FROM agg_producer_month
                   WHERE month = $1 AND (hazard_complaints > 0 OR injury_complaints > 0 OR failures > 0)) c
             ON c.producer = h.producer AND c.category_code = h.category_code
        WHERE h.month < $1 AND h.month >= $1 - INTERVAL 24 MONTH
        """;

    /// <summary>Reads the month's producers with their history, assesses them and replaces the month's stored producer assessments.</summary>
    public IReadOnlyList<ProducerAssessment> AssessMonth(DuckDbConnection connection, DateOnly month, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var assessments = Read(connection, month).Select(Assess)
            .OrderByDescending(a => a.Level).ThenByDescending(a => a.Factors.Score).ThenBy(a => a.Input.Producer, StringComparer.Ordinal)
            .ToList();
        Save(connection, month, assessments, now);
        return assessments;
    }

    public static List<ProducerMonth> Read(DuckDbConnection connection, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var history = connection.Query(HistorySql, r => (Key: (r.GetString(0), r.GetString(1)), Month: r.GetDate(2), Hazard: r.GetInt32(3), Failures: r.GetInt32(4)), month)
            .ToLookup(h => h.Key);
        return connection.Query(CurrentSql, r =>
        {
            var key = (r.GetString(0), r.GetString(1));
            var past = history[key].ToDictionary(h => h.Month);
            var baseline = Enumerable.Range(1, 12).Sum(i => past.TryGetValue(month.AddMonths(-i), out var h) ? h.Hazard : 0) / 12.0;
            var streak = 1;
            while (past.TryGetValue(month.AddMonths(-streak), out var h) && h.Hazard + h.Failures > 0)
            {
                streak++;
            }

            return new ProducerMonth(month, key.Item1, key.Item2, r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
                r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11), baseline, streak);
        }, month);
    }

    public ProducerAssessment Assess(ProducerMonth p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var options = rules.Options;
        var e = p.BaselineHazardComplaints;
        var ratio = p.HazardComplaints / Math.Max(e, 0.5);
        var failingInARow = p.ConsecutiveFailures >= 2;
        var corroborated = p.SafetyFailures >= 1 && p.HazardComplaints + p.InjuryComplaints >= 1;
        var rising = p.HazardComplaints >= options.MinimumSignal && p.HazardComplaints > e + (options.NoiseSigmas * Math.Sqrt(e));
        var injured = p.InjuryComplaints >= 3;
        var reasons = new List<string>();
        if (failingInARow)
        {
            reasons.Add($"连续{p.ConsecutiveFailures}次抽查不合格");
        }

        if (corroborated)
        {
            reasons.Add($"安全项目不合格{p.SafetyFailures}批次，同期危害投诉{p.HazardComplaints}件、伤害投诉{p.InjuryComplaints}件印证");
        }

        if (rising)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"危害投诉{p.HazardComplaints}件，为近12个月月均{e:0.#}件的{ratio:0.#}倍"));
        }

        if (injured)
        {
            reasons.Add($"伤害投诉{p.InjuryComplaints}件");
        }

        var elevated = reasons.Count > 0;
        var harm = p.InjuryComplaints >= 5 && CategorySeverity(p.CategoryCode) >= 4 ? 4
            : p.InjuryComplaints >= 3 ? 3
            : p.InjuryComplaints >= 1 || p.SafetyFailures >= 1 ? 2
            : p.HazardComplaints + p.Failures >= 1 ? 1
            : 0;
        var urgency = failingInARow && p.SafetyFailures >= 1 ? 4
            : failingInARow || (rising && ratio >= 4) ? 3
            : (rising && ratio >= 2) || corroborated ? 2
            : elevated ? 1
            : 0;
        var scope = Math.Min(4, (p.Regions >= 9 ? 4 : p.Regions >= 4 ? 3 : p.Regions >= 2 ? 2 : p.Regions >= 1 ? 1 : 0)
            + (p.Complaints >= 10 && p.OnlineComplaints * 4 >= p.Complaints * 3 ? 1 : 0));
        var n = p.HazardComplaints + p.Failures;
        var frequency = n >= 20 ? 4 : n >= 10 ? 3 : n >= 5 ? 2 : n >= 1 ? 1 : 0;
        var duration = p.ConcernMonths >= 6 ? 4 : p.ConcernMonths >= 3 ? 3 : Math.Clamp(p.ConcernMonths, 0, 2);
        var factors = new FactorScores(harm, urgency, scope, frequency, duration, RuleMatrix.Exposure(urgency, scope, frequency, duration, options));
        return new ProducerAssessment(p, elevated, reasons, factors, rules.MatrixLevel(factors, elevated));
    }

    /// <summary>The reasons and scores in one Chinese sentence, as analysts read it.</summary>
    public string Explain(ProducerAssessment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var f = a.Factors;
        var text = new StringBuilder();
        text.Append(a.Input.Producer).Append('（').Append(reference.FindCategory(a.Input.CategoryCode)?.Name ?? a.Input.CategoryCode).Append("）：");
        text.Append(a.Elevated ? string.Join("；", a.Reasons) : "本月有危害投诉或不合格记录，但未达到升高条件");
        text.Append(CultureInfo.InvariantCulture, $"。危害程度{f.Harm}、紧急程度{f.Urgency}、影响范围{f.Scope}、发生频率{f.Frequency}、持续时间{f.Duration}");
        text.Append("，规则分级：").Append(a.Level.ChineseLabel()).Append('。');
        return text.ToString();
    }

    private int CategorySeverity(string categoryCode) =>
        reference.FindCategory(categoryCode)?.Hazards.Select(h => reference.FindHazard(h)?.Severity ?? 0).DefaultIfEmpty(0).Max() ?? 0;

    private void Save(DuckDbConnection connection, DateOnly month, List<ProducerAssessment> assessments, DateTime now)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM producer_assessments WHERE month = $1", month);
        using (var appender = connection.CreateAppender("producer_assessments"))
        {
            foreach (var a in assessments)
            {
                var f = a.Factors;
                appender.Append(month).Append(a.Input.Producer).Append(a.Input.CategoryCode).Append(a.Elevated).Append((int)a.Level)
                    .Append(f.Score).Append(f.Harm).Append(f.Urgency).Append(f.Scope).Append(f.Frequency).Append(f.Duration)
                    .Append(JsonSerializer.Serialize(a.Input, AssessmentStore.Json)).Append(Explain(a)).Append(now);
                appender.EndRow();
            }

            appender.Close();
        }

        transaction.Commit();
    }
}
