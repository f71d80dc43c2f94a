using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Proposals;

/// <summary>
/// The warnings side of the monthly analysis. First every open warning is re-evaluated against the month
/// (<see cref="WarningReevaluator"/>: upgrade, downgrade, lifting, or a redrafted proposal); then every subject warned this
/// month without an open warning gets a new one, with a round of draft notices. A region is not warned separately when its
/// category is warned province-wide at the same or a higher level. Nothing here approves or publishes.
/// </summary>
public sealed class WarningProposer(ReferenceData reference, TimeProvider? time = null, LifecycleOptions? options = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly LifecycleOptions _options = (options ?? LifecycleOptions.Default).Validated();

    /// <param name="actor">The name the drafts are recorded under (the monthly cycle's system actor).</param>
    public IReadOnlyList<DraftNotice> Propose(DuckDbConnection connection, DateOnly month, string actor)
    {
        lock (WarningWrites.Gate)
        {
            return ProposeNow(connection, month, actor);
        }
    }

    private List<DraftNotice> ProposeNow(DuckDbConnection connection, DateOnly month, string actor)
    {
        ArgumentNullException.ThrowIfNull(connection);
        month = new DateOnly(month.Year, month.Month, 1);
        var assessed = connection.Query(
            """
            SELECT category_code, region_code, max(coalesce(override_level, level)) AS level, arg_max(explanation, coalesce(override_level, level))
            FROM risk_assessments
            WHERE month = $1 AND subject_kind IN ('category', 'category_region')
            GROUP BY category_code, region_code
            ORDER BY 3 DESC, region_code = '' DESC, max(score) DESC, category_code, region_code
            """,
            r => new MonthAssessment(r.GetString(0), r.GetString(1), (WarningLevel)r.GetInt32(2), r.GetString(3)), month);
        var bySubject = assessed.ToDictionary(a => (a.CategoryCode, a.RegionCode));
        var now = _time.GetUtcNow().UtcDateTime;
        var drafter = new RoundDrafter(connection, reference, _options, new Actor(actor, UserRole.System), now);
        var reevaluator = new WarningReevaluator(connection, _options, drafter, now);
        var drafts = new List<DraftNotice>();

        using var transaction = connection.BeginTransaction();
        var open = WarningStore.OpenWarnings(connection);
        foreach (var warning in open)
        {
            drafts.AddRange(reevaluator.Review(warning, month, bySubject.GetValueOrDefault((warning.CategoryCode, warning.RegionCode))));
        }

        var watched = open.Select(w => (w.CategoryCode, w.RegionCode)).ToHashSet();
        var provinceLevels = assessed.Where(a => a.RegionCode.Length == 0).ToDictionary(a => a.CategoryCode, a => a.Level);
        foreach (var a in assessed.Where(a => a.Level > WarningLevel.None && !watched.Contains((a.CategoryCode, a.RegionCode))))
        {
            if (a.RegionCode.Length > 0 && provinceLevels.TryGetValue(a.CategoryCode, out var provinceLevel) && provinceLevel >= a.Level)
            {
                continue;
            }

            var id = WarningStore.InsertWarning(connection, a.CategoryCode, a.RegionCode, a.Level, month, now);
            var warning = WarningStore.Warning(connection, id)!;
            drafts.AddRange(drafter.Draft(warning, NoticeAction.Issue, a.Level, month, "propose", string.Empty, a.Explanation));
        }

        transaction.Commit();
        return drafts;
    }
}
