using System.Text.Encodings.Web;
using System.Text.Json;
using RiskMonitor.Analytics.Model;
using RiskMonitor.Core.Data;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>Writes a month's assessments to <c>risk_assessments</c> and the elevation flags back to <c>agg_subject_month</c>.</summary>
/// <remarks>
/// <c>factors</c> holds the five scores with every input that drove them: the month's aggregates, each detector's observed,
/// expected and threshold values, the hazard disproportionality, and the model's feature vector (which
/// <c>model train</c> reads back). An analyst's override survives re-analysis: the computed columns are refreshed and the
/// level stays the overridden one.
/// </remarks>
public static class AssessmentStore
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Save(DuckDbConnection connection, DateOnly month, IReadOnlyList<RiskAssessment> assessments, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(assessments);
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM risk_assessments WHERE month = $1 AND override_level IS NULL AND subject_kind <> 'producer'", month);
        var overridden = connection.Query(
            "SELECT category_code, region_code FROM risk_assessments WHERE month = $1 AND subject_kind <> 'producer'",
            r => new RiskSubject(r.GetString(0), r.GetString(1)), month).ToHashSet();
        var fresh = assessments.Where(a => !overridden.Contains(a.Subject)).ToList();
        var ids = connection.Query("SELECT nextval('seq_assessment_id') FROM range($1)", r => r.GetInt64(0), (long)fresh.Count);
        using (var appender = connection.CreateAppender("risk_assessments"))
        {
            for (var i = 0; i < fresh.Count; i++)
            {
                var a = fresh[i];
                appender.Append(ids[i]).Append(month).Append(a.Subject.Kind).Append(a.Subject.CategoryCode).Append(a.Subject.RegionCode)
                    .Append(string.Empty).Append((int)a.RuleLevel).Append((int?)a.Model?.Level).Append(a.Model?.Probability).Append((int)a.Level)
                    .Append(a.Factors.Score).Append(FactorsJson(a)).Append(ContributionsJson(a.Model)).Append(a.Explanation)
                    .AppendNull().AppendNull().AppendNull().Append(now).AppendNull().Append(a.Model?.ModelId);
                appender.EndRow();
            }

            appender.Close();
        }

        // An analyst's override survives: computed columns are refreshed, the level stays the overridden one.
        using (var update = connection.Prepare("""
            UPDATE risk_assessments SET rule_level = $5, model_level = $6, model_probability = $7, level = coalesce(override_level, $8),
                score = $9, factors = $10, contributions = $11, explanation = $12, created_at = $13, model_id = $14
            WHERE month = $1 AND subject_kind = $2 AND category_code = $3 AND region_code = $4 AND producer = ''
            """))
        {
            foreach (var a in assessments.Where(a => overridden.Contains(a.Subject)))
            {
                update.BindAll(month, a.Subject.Kind, a.Subject.CategoryCode, a.Subject.RegionCode, (int)a.RuleLevel, (int?)a.Model?.Level,
                    a.Model?.Probability, (int)a.Level, a.Factors.Score, FactorsJson(a), ContributionsJson(a.Model), a.Explanation, now,
                    a.Model?.ModelId).ExecuteNonQuery();
            }
        }

        // Months are flagged whole: a subject not assessed had no row to assess and is not elevated.
        connection.Execute("""
            UPDATE agg_subject_month g
            SET elevated = coalesce(CAST(json_extract(a.factors, '$.elevated') AS BOOLEAN), false),
                elevated_months = coalesce(CAST(json_extract(a.factors, '$.elevated_months') AS INTEGER), 0)
            FROM risk_assessments a
            WHERE g.month = $1 AND a.month = g.month AND a.subject_kind <> 'producer'
              AND a.category_code = g.category_code AND a.region_code = g.region_code
            """, month);
        connection.Execute("UPDATE agg_subject_month SET elevated = false, elevated_months = 0 WHERE month = $1 AND elevated IS NULL", month);
        transaction.Commit();
    }

    public static string FactorsJson(RiskAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var (e, f) = (assessment.Evidence, assessment.Factors);
        var vector = RiskFeatures.Vector(e, f, assessment.Rule);
        return JsonSerializer.Serialize(new
        {
            f.Harm, f.Urgency, f.Scope, f.Frequency, f.Duration, f.Exposure, f.Score,
            rule = new { matrix_level = (int)assessment.Rule.MatrixLevel, floor = assessment.Rule.Floor },
            e.Elevated, e.HazardElevated, e.ConcernElevated, e.ElevatedRegions, e.ElevatedMonths, e.Seasonal,
            signal = e.Current.Signal, e.ExpectedSignal, baseline = e.BaselineMethod, complaints = e.Current.Complaints, e.ExpectedComplaints,
            e.PreviousSignal, growth = Math.Round(e.Growth, 3), relative_rate = e.RelativeRate is { } rr ? Math.Round(rr, 3) : (double?)null,
            inputs = e.Current,
            aberrations = e.Aberrations,
            hazards = e.Hazards,
            features = RiskFeatures.Names.Select((n, i) => (n, v: vector[i])).ToDictionary(p => p.n, p => p.v),
        }, Json);
    }

    private static string? ContributionsJson(ModelVerdict? model) => model is null
        ? null
        : JsonSerializer.Serialize(model.Contributions.ToDictionary(c => c.Feature, c => Math.Round(c.Contribution, 5)), Json);
}
