using RiskMonitor.Core.Data;

namespace RiskMonitor.Analytics.Assessment;

/// <summary>A subject's consecutive months up to the month assessed (gaps filled with empty months), and what the
/// previous month's assessment left behind.</summary>
/// <param name="Months">Oldest first; the last is the month assessed.</param>
/// <param name="PreviousElevatedMonths">Consecutive elevated months up to the previous month; 0 when it was not elevated or not assessed.</param>
/// <param name="ElevatedBefore">Earlier months that their assessment found elevated.</param>
public sealed record SubjectHistory(RiskSubject Subject, IReadOnlyList<SubjectMonth> Months, int PreviousElevatedMonths, IReadOnlySet<DateOnly>? ElevatedBefore = null)
{
    /// <summary>Whether an earlier month was found elevated (and so is no fair baseline).</summary>
    public bool WasElevated(DateOnly month) => ElevatedBefore?.Contains(month) == true;

    public SubjectMonth Current => Months[^1];

    /// <summary>Period labels (<c>yyyy-MM</c>) aligned with <see cref="Months"/>.</summary>
    public IReadOnlyList<string> Periods => Months.Select(m => m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
}

/// <summary>Reads the aggregates of every subject active in a month, with their history, from <c>agg_subject_month</c>.</summary>
public static class SubjectHistoryReader
{
    /// <summary>Five years and a quarter: what Farrington's improved method needs for b = 5, w = 3.</summary>
    public const int MaxHistoryMonths = 63;

    private const string Columns = """
        month, category_code, region_code, complaints, hazard_complaints, injury_complaints, coalesce(death_complaints, 0),
        coalesce(online_complaints, 0), station_cases, coalesce(station_hazard_cases, 0), injuries, deaths, major_reports, samples,
        failures, safety_failures, coalesce(labelling_failures, 0), coalesce(repeat_failure_producers, 0), regions_affected,
        coalesce(hazard_producers, 0), top_producer_share, coalesce(max_hazard_severity, 0), population_10k
        """;

    /// <summary>Subjects with a row in <paramref name="month"/>, each with up to <see cref="MaxHistoryMonths"/> months.</summary>
    public static IReadOnlyList<SubjectHistory> Read(DuckDbConnection connection, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var first = connection.ExecuteScalar<DateOnly?>("SELECT min(month) FROM agg_subject_month") ?? month;
        var start = first > month.AddMonths(1 - MaxHistoryMonths) ? first : month.AddMonths(1 - MaxHistoryMonths);
        var rows = connection.Query(
            $"""
            SELECT {Columns} FROM agg_subject_month
            SEMI JOIN (SELECT category_code, region_code FROM agg_subject_month WHERE month = $2) USING (category_code, region_code)
            WHERE month BETWEEN $1 AND $2
            ORDER BY category_code, region_code, month
            """,
            Map, start, month);
        var previous = connection.Query(
            "SELECT category_code, region_code, coalesce(elevated_months, 0) FROM agg_subject_month WHERE month = $1",
            r => (Subject: new RiskSubject(r.GetString(0), r.GetString(1)), Months: r.GetInt32(2)), month.AddMonths(-1))
            .ToDictionary(p => p.Subject, p => p.Months);
        var elevated = connection.Query(
            "SELECT category_code, region_code, month FROM agg_subject_month WHERE month BETWEEN $1 AND $2 AND elevated",
            r => (Subject: new RiskSubject(r.GetString(0), r.GetString(1)), Month: r.GetDate(2)), start, month.AddMonths(-1))
            .ToLookup(p => p.Subject, p => p.Month);
        var length = ((month.Year - start.Year) * 12) + month.Month - start.Month + 1;
        return rows.GroupBy(r => r.Subject)
            .Select(g => new SubjectHistory(g.Key, Fill(g.ToList(), start, length), previous.GetValueOrDefault(g.Key), elevated[g.Key].ToHashSet()))
            .ToList();
    }

    /// <summary>A row of <c>agg_subject_month</c> selected with the columns in <see cref="SubjectMonth"/> order.</summary>
    public static SubjectMonth Map(DuckDbDataReader r) => new(
        r.GetDate(0), new RiskSubject(r.GetString(1), r.GetString(2)), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
        r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11), r.GetInt32(12), r.GetInt32(13), r.GetInt32(14),
        r.GetInt32(15), r.GetInt32(16), r.GetInt32(17), r.GetInt32(18), r.GetInt32(19), r.GetDoubleOrNull(20), r.GetInt32(21),
        r.GetDoubleOrNull(22));

    private static List<SubjectMonth> Fill(List<SubjectMonth> rows, DateOnly start, int length)
    {
        var byMonth = rows.ToDictionary(r => r.Month);
        var last = rows[^1];
        return Enumerable.Range(0, length).Select(i => start.AddMonths(i))
            .Select(m => byMonth.TryGetValue(m, out var row) ? row : SubjectMonth.Empty(m, last.Subject, last.Population10k))
            .ToList();
    }
}
