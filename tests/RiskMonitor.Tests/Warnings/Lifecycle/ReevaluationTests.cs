using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Warnings.Lifecycle;

/// <summary>How the monthly analysis treats warnings it already knows: nothing changes silently, nothing is drafted twice.</summary>
public sealed class ReevaluationTests : IDisposable
{
    private readonly LifecycleFixture _f = new();

    [Fact]
    public void SameProposalNextMonth_IsNotDraftedTwice()
    {
        var id = PublishedAtII();
        _f.Assess("2026-03", WarningLevel.I);
        var upgrade = _f.RunMonth("2026-03");
        _f.Assess("2026-04", WarningLevel.I);

        _f.RunMonth("2026-04").Should().BeEmpty();

        WarningStore.PendingNotices(_f.Connection, id).Select(n => n.NoticeId).Should().Equal(upgrade.Select(d => d.NoticeId));
        _f.Warning(id).Should().Match<WarningRecord>(w => w.Level == WarningLevel.II && w.LastMonth == LifecycleFixture.Month("2026-04"));
    }

    [Fact]
    public void PendingDraft_IsSupersededWhenALaterMonthProposesSomethingElse()
    {
        var id = PublishedAtII();
        _f.Assess("2026-03", WarningLevel.I);
        var upgrade = _f.RunMonth("2026-03");
        _f.Assess("2026-04", WarningLevel.None);
        _f.RunMonth("2026-04").Should().BeEmpty("March's I is still in the calm window, so April proposes nothing new and the draft stays");
        _f.Assess("2026-05", WarningLevel.None);

        var lift = _f.RunMonth("2026-05");

        lift.Select(d => d.Content.Action).Should().AllBeEquivalentTo(NoticeAction.Lift);
        upgrade.Select(d => _f.Notice(d.NoticeId).Status).Should().AllBeEquivalentTo(NoticeStatus.Superseded);
        _f.Notice(upgrade[0].NoticeId).Markdown().Should().StartWith("> 【已被替代】");
        _f.History(id).Skip(5).Should().Equal(
            "propose_upgrade II→I",
            $"supersede II→I #{upgrade[0].NoticeId}", $"supersede II→I #{upgrade[1].NoticeId}",
            "propose_lift II→-");
        _f.Warning(id).Should().Match<WarningRecord>(w => w.Status == WarningStatus.Published && w.Level == WarningLevel.II);
    }

    [Fact]
    public void ApprovedRound_IsLeftForThePublicationJob()
    {
        var id = PublishedAtII();
        _f.Assess("2026-03", WarningLevel.I);
        var upgrade = _f.RunMonth("2026-03");
        _f.ApproveAll(upgrade);
        _f.Assess("2026-04", WarningLevel.None);
        _f.Assess("2026-05", WarningLevel.None);

        _f.RunMonth("2026-04").Should().BeEmpty();
        _f.RunMonth("2026-05").Should().BeEmpty("an approved round is never replaced by the analysis");

        upgrade.Select(d => _f.Notice(d.NoticeId).Status).Should().AllBeEquivalentTo(NoticeStatus.Approved);
        _f.Warning(id).Level.Should().Be(WarningLevel.II);
    }

    [Fact]
    public void ProposalAwaitingApproval_IsRedraftedWhenTheLevelRises_AndKeptWhenItFalls()
    {
        _f.Assess("2026-02", WarningLevel.III);
        var first = _f.RunMonth("2026-02").Single();
        _f.Assess("2026-03", WarningLevel.IV);
        _f.RunMonth("2026-03").Should().BeEmpty("a lower level leaves the proposal to the approver");
        _f.Assess("2026-04", WarningLevel.I);

        var redraft = _f.RunMonth("2026-04");

        redraft.Select(d => (d.Content.Action, d.Content.Level, d.Content.Kind)).Should().Equal(
            (NoticeAction.Issue, WarningLevel.I, NoticeKind.Announcement), (NoticeAction.Issue, WarningLevel.I, NoticeKind.Bulletin));
        _f.Notice(first.NoticeId).Status.Should().Be(NoticeStatus.Superseded);
        _f.Warning(first.WarningId).Should().Match<WarningRecord>(w => w.Status == WarningStatus.Proposed && w.Level == WarningLevel.I);
        _f.History(first.WarningId).Should().Equal("propose -→III", $"supersede -→III #{first.NoticeId}", "revise -→I");
        WarningStore.Events(_f.Connection, first.WarningId).Last().Reason.Should().Be("2026年4月评估升至Ⅰ级（特别严重，红色），预警建议按新级别重新起草");
    }

    [Fact]
    public void MonthWithoutAnalysis_NeverCountsAsCalm()
    {
        var id = PublishedAtII();
        // March is analysed (nothing warned); April is never analysed; May is analysed.
        _f.Assess("2026-03", WarningLevel.None);
        _f.RunMonth("2026-03").Should().BeEmpty();
        _f.Assess("2026-05", WarningLevel.None);

        _f.RunMonth("2026-05").Should().BeEmpty("April is a gap in the data, not a calm month");

        _f.Assess("2026-06", WarningLevel.None);
        _f.RunMonth("2026-06").Select(d => d.Content.Action).Should().OnlyContain(a => a == NoticeAction.Lift);
        _f.Warning(id).Status.Should().Be(WarningStatus.Published);
    }

    [Fact]
    public void Region_WarnedAtOrBelowItsProvince_IsNotWarnedSeparately()
    {
        _f.Assess("2026-02", WarningLevel.II);
        _f.Assess("2026-02", WarningLevel.II, region: "420100");
        _f.Assess("2026-02", WarningLevel.I, region: "420500");

        var drafts = _f.RunMonth("2026-02");

        drafts.Select(d => d.Content.Subject).Distinct().Should().Equal("宜昌市燃气热水器", "全省燃气热水器");
    }

    [Fact]
    public void AnalystOverride_TakesPrecedenceOverTheComputedLevel()
    {
        _f.Assess("2026-02", WarningLevel.IV);
        _f.Connection.Execute("UPDATE risk_assessments SET override_level = 3, override_reason = '专家会商认定', override_by = 'li.fenxi'");

        _f.RunMonth("2026-02").Select(d => d.Content.Level).Distinct().Should().Equal(WarningLevel.II);
    }

    private long PublishedAtII()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var drafts = _f.RunMonth("2026-02");
        _f.ApproveAll(drafts);
        _f.PublishAll(drafts);
        return drafts[0].WarningId;
    }

    public void Dispose() => _f.Dispose();
}
