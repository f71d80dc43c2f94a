using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Warnings.Lifecycle;

/// <summary>
/// One warning from proposal to lifting through the monthly re-evaluation (regulation 003 Art. 24), every state and
/// event asserted. Calm months: 2. No facts are seeded, so the kinds are the level's own: II 通报+通告, I 公告+通报, III 通告.
/// </summary>
public sealed class WarningWalkTests : IDisposable
{
    private readonly LifecycleFixture _f = new();

    [Fact]
    public void Warning_WalksFromProposalThroughUpgradeAndDowngradeToLifting()
    {
        // February: level II. A new warning is proposed with a bulletin to regulators and a notice to producers.
        _f.Assess("2026-02", WarningLevel.II);
        var issue = _f.RunMonth("2026-02");
        var id = issue[0].WarningId;
        issue.Select(d => d.Content.Kind).Should().Equal(NoticeKind.Bulletin, NoticeKind.Notice);
        _f.Warning(id).Should().Match<WarningRecord>(w => w.Status == WarningStatus.Proposed && w.Level == WarningLevel.II);
        _f.Lifecycle.ReadyToPublish().Should().BeEmpty("nothing is approved yet");

        // Approved on 4 March: the warning is approved once both notices are.
        _f.Lifecycle.Approve(issue[0].NoticeId, LifecycleFixture.Approver);
        _f.Warning(id).Status.Should().Be(WarningStatus.Proposed, "one notice of the round is still a draft");
        _f.Lifecycle.Approve(issue[1].NoticeId, LifecycleFixture.Approver);
        _f.Warning(id).Status.Should().Be(WarningStatus.Approved);
        _f.Lifecycle.ReadyToPublish().Select(p => p.NoticeId).Should().Equal(issue[0].NoticeId, issue[1].NoticeId);

        // Published: the level is in force.
        _f.PublishAll(issue);
        _f.Warning(id).Should().Match<WarningRecord>(w => w.Status == WarningStatus.Published && w.Level == WarningLevel.II);

        // March: level I. An upgrade is proposed (announcement + bulletin), but the published level stays II until published.
        _f.Clock.Advance(TimeSpan.FromDays(30));
        _f.Assess("2026-03", WarningLevel.I);
        var upgrade = _f.RunMonth("2026-03");
        upgrade.Select(d => d.Content.Kind).Should().Equal(NoticeKind.Announcement, NoticeKind.Bulletin);
        upgrade.Should().AllSatisfy(d => d.Content.Should().Match<NoticeContent>(c => c.Action == NoticeAction.Upgrade && c.FromLevel == WarningLevel.II && c.Level == WarningLevel.I));
        _f.Warning(id).Should().Match<WarningRecord>(w => w.Status == WarningStatus.Published && w.Level == WarningLevel.II);
        _f.ApproveAll(upgrade);
        _f.Warning(id).Level.Should().Be(WarningLevel.II, "approval alone changes no level in force");
        _f.PublishAll(upgrade);
        _f.Warning(id).Should().Match<WarningRecord>(w => w.Status == WarningStatus.Adjusted && w.Level == WarningLevel.I);

        // April: III, one month below I — not yet calm. May: III again — downgrade to III (a notice to producers).
        _f.Assess("2026-04", WarningLevel.III);
        _f.RunMonth("2026-04").Should().BeEmpty();
        _f.Assess("2026-05", WarningLevel.III);
        var downgrade = _f.RunMonth("2026-05");
        downgrade.Select(d => (d.Content.Kind, d.Content.Action, d.Content.Level)).Should().Equal((NoticeKind.Notice, NoticeAction.Downgrade, WarningLevel.III));
        _f.ApproveAll(downgrade);
        _f.PublishAll(downgrade);
        _f.Warning(id).Should().Match<WarningRecord>(w => w.Status == WarningStatus.Adjusted && w.Level == WarningLevel.III);

        // June: no warning level, but May was still III. July: second calm month — lifting, to the same audience.
        _f.Assess("2026-06", WarningLevel.None);
        _f.RunMonth("2026-06").Should().BeEmpty();
        _f.Assess("2026-07", WarningLevel.None);
        var lift = _f.RunMonth("2026-07");
        lift.Select(d => (d.Content.Kind, d.Content.Action)).Should().Equal((NoticeKind.Notice, NoticeAction.Lift));
        lift[0].Title.Should().Be("关于解除全省燃气热水器质量安全风险预警的风险警示通告");
        _f.Warning(id).Status.Should().Be(WarningStatus.Adjusted, "the lifting is only proposed");
        _f.ApproveAll(lift);
        _f.PublishAll(lift);
        _f.Warning(id).Should().Match<WarningRecord>(w => w.Status == WarningStatus.Lifted && w.Level == WarningLevel.III);

        var (n1, n2, n3, n4, n5, n6) = (issue[0].NoticeId, issue[1].NoticeId, upgrade[0].NoticeId, upgrade[1].NoticeId, downgrade[0].NoticeId, lift[0].NoticeId);
        _f.History(id).Should().Equal(
            "propose -→II",
            $"approve -→II #{n1}", $"approve -→II #{n2}", $"publish -→II #{n1}", $"publish -→II #{n2}",
            "propose_upgrade II→I",
            $"approve II→I #{n3}", $"approve II→I #{n4}", $"publish II→I #{n3}", $"adjust II→I #{n3}", $"publish II→I #{n4}",
            "propose_downgrade I→III",
            $"approve I→III #{n5}", $"publish I→III #{n5}", $"adjust I→III #{n5}",
            "propose_lift III→-",
            $"approve III→- #{n6}", $"publish III→- #{n6}", $"lift III→- #{n6}");

        var events = WarningStore.Events(_f.Connection, id);
        events.Where(e => e.Action == "approve").Should().OnlyContain(e => e.Actor == LifecycleFixture.Approver);
        events.Where(e => e.Action != "approve").Should().OnlyContain(e => e.Actor == LifecycleFixture.SystemActor);
        events.Where(e => e.Action is "publish" or "adjust" or "lift").Should().OnlyContain(e => e.At == _f.Notice(e.NoticeId!.Value).PublishedAt);
        events.Select(e => e.At).Should().BeInAscendingOrder();

        // August: level II again. The lifted warning stays closed; a new one is proposed.
        _f.Assess("2026-08", WarningLevel.II);
        var again = _f.RunMonth("2026-08");
        again.Should().NotBeEmpty().And.OnlyContain(d => d.WarningId != id && d.Content.Action == NoticeAction.Issue);
    }

    [Fact]
    public void Approval_NumbersTheNoticeDatesItAndSetsTheFeedbackDeadlineByTheWorkCalendar()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var drafts = _f.RunMonth("2026-02");
        _f.Notice(drafts[0].NoticeId).Markdown().Should().Contain("鄂市监风险〔　　〕　号（审批后编号）").And.Contain("自本风险警示通报发布之日起15日内");

        var first = _f.Lifecycle.Approve(drafts[0].NoticeId, LifecycleFixture.Approver);
        var second = _f.Lifecycle.Approve(drafts[1].NoticeId, LifecycleFixture.Approver);

        // Approved Wednesday 4 March 2026: 15 calendar days later is Thursday 19 March, a working day.
        first.Number.ToString().Should().Be("鄂市监风险〔2026〕1号");
        second.Number.ToString().Should().Be("鄂市监风险〔2026〕2号");
        first.FeedbackDeadline.Should().Be(new DateOnly(2026, 3, 19));
        first.Markdown().Should().Contain("鄂市监风险〔2026〕1号").And.Contain("请各地于2026年3月19日前").And.Contain("2026年3月4日")
            .And.Contain("【已审批，待发布】");
    }

    [Fact]
    public void Feedback_DeadlineOnAHoliday_MovesToTheNextWorkingDay()
    {
        // Approved Friday 18 September 2026: day 15 is Saturday 3 October, inside the National Day holiday.
        _f.Clock.Set(new DateTimeOffset(2026, 9, 18, 2, 0, 0, TimeSpan.Zero));
        _f.Assess("2026-08", WarningLevel.III);
        var draft = _f.RunMonth("2026-08").Single();

        var approved = _f.Lifecycle.Approve(draft.NoticeId, LifecycleFixture.Approver);

        approved.FeedbackDeadline.Should().Be(new DateOnly(2026, 10, 8), "the National Day holiday runs to 7 October");
    }

    public void Dispose() => _f.Dispose();
}

internal static class NoticeRecordExtensions
{
    public static string Markdown(this NoticeRecord notice) => WarningStore.Render(notice)!;
}
