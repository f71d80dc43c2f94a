using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Warnings.Approval;

/// <summary>Roles are enforced by the service: each refusal is a Chinese message and a 'refused' row in the audit log.</summary>
public sealed class ApprovalRolesTests : IDisposable
{
    private readonly LifecycleFixture _f = new();

    [Fact]
    public void Approver_CannotApproveTheirOwnDraft_ButAnotherApproverCan()
    {
        var warningId = PublishedWarning();
        var lift = _f.Lifecycle.RequestLift(warningId, LifecycleFixture.Approver, "召回已完成，风险已消除")[0];

        var act = () => _f.Lifecycle.Approve(lift.NoticeId, LifecycleFixture.Approver);

        act.Should().Throw<ActionRefusedException>().WithMessage("用户“wang.shenpi”（审批人）不能审批本人起草的通知，须由其他审批人审批。");
        _f.Notice(lift.NoticeId).Status.Should().Be(NoticeStatus.Draft);
        _f.Lifecycle.Approve(lift.NoticeId, LifecycleFixture.SecondApprover).Status.Should().Be(NoticeStatus.Approved);
        _f.Audit($"notice:{lift.NoticeId}").Select(a => (a.Actor, a.Role, a.Action, a.Outcome)).Should().Equal(
            (LifecycleFixture.Approver, "approver", "draft_notice", "ok"),
            (LifecycleFixture.Approver, "approver", "approve_notice", "refused"),
            (LifecycleFixture.SecondApprover, "approver", "approve_notice", "ok"));
    }

    [Fact]
    public void Viewer_IsRefusedEveryAction_AndEachRefusalIsAudited()
    {
        var warningId = PublishedWarning();
        _f.Assess("2026-03", WarningLevel.I);
        var draft = _f.RunMonth("2026-03")[0];
        var viewer = LifecycleFixture.Viewer;

        var actions = new (string Action, Action Run)[]
        {
            ("approve_notice", () => _f.Lifecycle.Approve(draft.NoticeId, viewer)),
            ("reject_notice", () => _f.Lifecycle.Reject(draft.NoticeId, viewer, "不同意")),
            ("publish_notice", () => _f.Lifecycle.MarkPublished(draft.NoticeId, _f.Clock.GetUtcNow(), viewer)),
            ("request_lift", () => _f.Lifecycle.RequestLift(warningId, viewer, "风险已消除")),
        };

        foreach (var (_, run) in actions)
        {
            run.Should().Throw<ActionRefusedException>().WithMessage("用户“chen.chakan”（查看者）只能查看，无权*");
        }

        _f.Connection.Query("SELECT action, outcome, role FROM audit_log WHERE actor = $1 ORDER BY audit_id", r => (r.GetString(0), r.GetString(1), r.GetString(2)), viewer)
            .Should().Equal(actions.Select(a => (a.Action, "refused", "viewer")));
        _f.Notice(draft.NoticeId).Status.Should().Be(NoticeStatus.Draft);
        _f.Warning(warningId).Status.Should().Be(WarningStatus.Published);
    }

    [Fact]
    public void Analyst_MayDraftButNotApprove()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var draft = _f.RunMonth("2026-02")[0];

        var act = () => _f.Lifecycle.Approve(draft.NoticeId, LifecycleFixture.Analyst);

        act.Should().Throw<ActionRefusedException>().WithMessage("用户“li.fenxi”（分析员）无权审批通知，须由审批人办理。");
        _f.Audit($"notice:{draft.NoticeId}").Last().Should().Match<AuditEntry>(a => a.Outcome == "refused" && a.Role == "analyst");
    }

    [Fact]
    public void UnknownUser_IsRefusedAndAudited()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var draft = _f.RunMonth("2026-02")[0];

        var act = () => _f.Lifecycle.Approve(draft.NoticeId, "zhang.san");

        act.Should().Throw<ActionRefusedException>().WithMessage("用户“zhang.san”未配置，无权审批通知。");
        _f.Audit($"notice:{draft.NoticeId}").Last().Should().Match<AuditEntry>(a => a.Actor == "zhang.san" && a.Role == null && a.Outcome == "refused");
    }

    [Fact]
    public void Publishing_ADraft_IsRefused_AndSoIsANoticeWhoseRoundIsNotFullyApproved()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var drafts = _f.RunMonth("2026-02");

        var publishDraft = () => _f.Lifecycle.MarkPublished(drafts[0].NoticeId, _f.Clock.GetUtcNow());
        publishDraft.Should().Throw<ActionRefusedException>().WithMessage($"通知 {drafts[0].NoticeId} 当前状态为“草稿，待审批”，未经审批不得发布（第八条）。");

        _f.Lifecycle.Approve(drafts[0].NoticeId, LifecycleFixture.Approver);
        _f.Lifecycle.ReadyToPublish().Should().BeEmpty("its sibling is still a draft");
        publishDraft.Should().Throw<ActionRefusedException>().WithMessage($"同批通知 {drafts[1].NoticeId} 尚未审批，通知 {drafts[0].NoticeId} 暂不得发布。");
        _f.Audit($"notice:{drafts[0].NoticeId}").Count(a => a.Action == "publish_notice" && a.Outcome == "refused" && a.Actor == "system").Should().Be(2);
    }

    [Fact]
    public void MarkPublished_Twice_RecordsOnePublication()
    {
        var warningId = PublishedWarning();
        var first = WarningStore.Notices(_f.Connection, warningId)[0];

        _f.Lifecycle.MarkPublished(first.NoticeId, _f.Clock.GetUtcNow().AddHours(1)).PublishedAt.Should().Be(first.PublishedAt);

        _f.History(warningId).Count(e => e.StartsWith("publish", StringComparison.Ordinal)).Should().Be(2, "two notices, each published once");
    }

    [Fact]
    public void System_CannotApprove()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var draft = _f.RunMonth("2026-02")[0];
        var system = new WarningLifecycle(_f.Connection, _f.Warehouse.Reference, new UserDirectory([]), _f.Clock);

        AccessPolicy.Refusal(Actor.System, LifecycleAction.Approve).Should().Be("系统不能审批通知：预警信息须经审批人审批后方可发布（第八条）。");
        var act = () => system.Approve(draft.NoticeId, Actor.SystemName);
        act.Should().Throw<ActionRefusedException>().WithMessage("用户“system”未配置*");
    }

    [Fact]
    public void Reject_NeedsAReason_AndRejectsTheWholeRound_ClosingTheProposal()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var drafts = _f.RunMonth("2026-02");
        var id = drafts[0].WarningId;

        var noReason = () => _f.Lifecycle.Reject(drafts[0].NoticeId, LifecycleFixture.Approver, "  ");
        noReason.Should().Throw<ActionRefusedException>().WithMessage("退回通知须填写理由。");

        var rejected = _f.Lifecycle.Reject(drafts[0].NoticeId, LifecycleFixture.Approver, "证据不足，请补充抽查数据");

        rejected.Select(n => (n.NoticeId, n.Status, n.RejectReason)).Should().Equal(
            drafts.Select(d => (d.NoticeId, NoticeStatus.Rejected, (string?)"证据不足，请补充抽查数据")));
        _f.Warning(id).Status.Should().Be(WarningStatus.Rejected);
        _f.History(id).Should().Equal("propose -→II", $"reject -→II #{drafts[0].NoticeId}", $"reject -→II #{drafts[1].NoticeId}");
        _f.Audit($"notice:{drafts[0].NoticeId}").Select(a => (a.Action, a.Outcome, a.Detail)).Should().EndWith(
            [("reject_notice", "refused", "退回通知须填写理由。"),
             ("reject_notice", "ok", $"证据不足，请补充抽查数据（同批通知 {drafts[1].NoticeId} 一并退回）")]);
    }

    [Fact]
    public void EveryAllowedAction_IsAuditedWithWhoAndWhen()
    {
        _f.Assess("2026-02", WarningLevel.III);
        var draft = _f.RunMonth("2026-02").Single();
        _f.Clock.Advance(TimeSpan.FromHours(2));
        _f.Lifecycle.Approve(draft.NoticeId, LifecycleFixture.Approver);
        _f.Clock.Advance(TimeSpan.FromHours(1));
        _f.Lifecycle.MarkPublished(draft.NoticeId, _f.Clock.GetUtcNow());

        _f.Audit($"notice:{draft.NoticeId}").Select(a => (a.LoggedAt, a.Actor, a.Action, a.Outcome)).Should().Equal(
            (new DateTime(2026, 3, 4, 2, 0, 0), "system", "draft_notice", "ok"),
            (new DateTime(2026, 3, 4, 4, 0, 0), LifecycleFixture.Approver, "approve_notice", "ok"),
            (new DateTime(2026, 3, 4, 5, 0, 0), "system", "publish_notice", "ok"));
    }

    [Fact]
    public void Lift_OnlyForAWarningInForce_WithNothingPending()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var drafts = _f.RunMonth("2026-02");

        var early = () => _f.Lifecycle.RequestLift(drafts[0].WarningId, LifecycleFixture.Analyst, "风险已消除");
        early.Should().Throw<ActionRefusedException>().WithMessage($"预警 {drafts[0].WarningId} 当前状态为“待审批”，只有已发布的预警可以解除。");

        _f.ApproveAll(drafts);
        _f.PublishAll(drafts);
        var lift = _f.Lifecycle.RequestLift(drafts[0].WarningId, LifecycleFixture.Analyst, "风险已消除");
        lift.Select(d => d.Content.Kind).Should().Equal(NoticeKind.Bulletin, NoticeKind.Notice);
        var twice = () => _f.Lifecycle.RequestLift(drafts[0].WarningId, LifecycleFixture.Analyst, "风险已消除");
        twice.Should().Throw<ActionRefusedException>().WithMessage($"预警 {drafts[0].WarningId} 尚有待审批或待发布的通知（*），请先审批或退回。");
    }

    /// <summary>A level II warning from February, approved and published.</summary>
    private long PublishedWarning()
    {
        _f.Assess("2026-02", WarningLevel.II);
        var drafts = _f.RunMonth("2026-02");
        _f.ApproveAll(drafts);
        _f.PublishAll(drafts);
        return drafts[0].WarningId;
    }

    public void Dispose() => _f.Dispose();
}
