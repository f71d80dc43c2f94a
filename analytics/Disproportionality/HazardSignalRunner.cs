using RiskMonitor.Core.Data;

namespace RiskMonitor.Analytics.Disproportionality;

/// <summary>One stored row of <c>hazard_signals</c>: a (category, region, hazard) pair measured one way in one month.</summary>
/// <param name="Comparison"><see cref="HazardSignalRunner.AgainstCategories"/> or <see cref="HazardSignalRunner.AgainstHistory"/>.</param>
public sealed record StoredHazardSignal(
    DateOnly Month, string Comparison, string CategoryCode, string RegionCode, string HazardCode, DisproportionalityMeasures Measures);

/// <summary>
/// Measures, for one month, how disproportionately each hazard is named in complaints, and stores the measures in
/// <c>hazard_signals</c>. Reads only the monthly counts of <c>agg_hazard_month</c> (the month and the twelve before it).
/// </summary>
/// <remarks>
/// <para>
/// Against categories: in each region (and province-wide), the 2×2 table of the pair against every other category of
/// the same month, complaints naming no hazard included, so a category whose complaints name fire far more often than
/// others do signals. This is structural (batteries always burn more than shoes) and says which hazards belong to a
/// category's complaints.
/// </para>
/// <para>
/// Against history: the category's own complaints this month against its previous twelve months in the same region:
/// a = this month with the hazard, b = this month without it, c and d the same for the history. A signal means the hazard's
/// share of the category's complaints has risen; seasonal volume alone moves both months alike and does not signal.
/// </para>
/// </remarks>
public static class HazardSignalRunner
{
    public const string AgainstCategories = "category";
    public const string AgainstHistory = "history";
    public const int HistoryMonths = 12;

    /// <summary>Recomputes and stores the month's signals; returns every measured pair.</summary>
    public static IReadOnlyList<StoredHazardSignal> Run(DuckDbConnection connection, DateOnly month, DateTime computedAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var counts = connection.Query(
            """
            SELECT month = $1 AS current, category_code, region_code, hazard_code, sum(complaints)
            FROM agg_hazard_month WHERE month BETWEEN $2 AND $1
            GROUP BY ALL
            """,
            r => (Current: r.GetBoolean(0), Category: r.GetString(1), Region: r.GetString(2), Hazard: r.GetString(3), Count: r.GetInt64(4)),
            month, month.AddMonths(-HistoryMonths));
        var signals = new List<StoredHazardSignal>();
        foreach (var region in counts.Where(c => c.Current).GroupBy(c => c.Region, StringComparer.Ordinal))
        {
            var measured = HazardDisproportionality.Analyse(region.Select(c => new HazardCount(c.Category, c.Hazard, c.Count)));
            signals.AddRange(measured.Where(s => s.Hazard.Length > 0)
                .Select(s => new StoredHazardSignal(month, AgainstCategories, s.Category, region.Key, s.Hazard, s.Measures)));
        }

        foreach (var subject in counts.GroupBy(c => (c.Category, c.Region)))
        {
            var currentTotal = subject.Where(c => c.Current).Sum(c => c.Count);
            var historyTotal = subject.Where(c => !c.Current).Sum(c => c.Count);
            if (currentTotal == 0 || historyTotal == 0)
            {
                continue;
            }

            foreach (var hazard in subject.Where(c => c.Current && c.Hazard.Length > 0))
            {
                var before = subject.Where(c => !c.Current && c.Hazard == hazard.Hazard).Sum(c => c.Count);
                var table = new ContingencyTable(hazard.Count, currentTotal - hazard.Count, before, historyTotal - before);
                signals.Add(new StoredHazardSignal(
                    month, AgainstHistory, subject.Key.Category, subject.Key.Region, hazard.Hazard, DisproportionalityCalculator.Measure(table)));
            }
        }

        Store(connection, month, signals, computedAt);
        return signals;
    }

    private static void Store(DuckDbConnection connection, DateOnly month, IReadOnlyList<StoredHazardSignal> signals, DateTime computedAt)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM hazard_signals WHERE month = $1", month);
        using (var appender = connection.CreateAppender("hazard_signals"))
        {
            foreach (var s in signals)
            {
                var (m, t) = (s.Measures, s.Measures.Table);
                appender.Append(s.Month).Append(s.Comparison).Append(s.CategoryCode).Append(s.RegionCode).Append(s.HazardCode)
                    .Append(t.A).Append(t.B).Append(t.C).Append(t.D).Append(t.Expected)
                    .Append(m.Prr.Estimate).Append(m.Prr.Lower).Append(m.Prr.Upper)
                    .Append(m.Ror.Estimate).Append(m.Ror.Lower).Append(m.Ror.Upper)
                    .Append(m.ChiSquare).Append(m.Ic.Estimate).Append(m.Ic.Lower).Append(m.Ic.Upper)
                    .Append(m.Signal).Append(computedAt);
                appender.EndRow();
            }

            appender.Close();
        }

        transaction.Commit();
    }
}
