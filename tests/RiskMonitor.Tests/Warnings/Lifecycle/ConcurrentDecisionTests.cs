using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Approval;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Warnings.Lifecycle;

/// <summary>Approvals arriving together (two approvers on the dashboard, the CLI beside it) on connections of their own.</summary>
public sealed class ConcurrentDecisionTests : IDisposable
{
    private readonly LifecycleFixture _f = new();

    public void Dispose() => _f.Dispose();

    private List<long> DraftsForManyCategories()
    {
        foreach (var category in _f.Warehouse.Reference.Categories.Take(12))
        {
            _f.Assess("2026-02", WarningLevel.II, category.Code);
        }

        return _f.RunMonth("2026-02").Select(d => d.NoticeId).ToList();
    }

    [Fact]
    public async Task ApprovalsInParallel_NeverShareADocumentNumber()
    {
        var drafts = DraftsForManyCategories();
        drafts.Should().HaveCountGreaterThan(10);

        // One thread per draft, released together, each on its own connection.
        using var start = new Barrier(drafts.Count);
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = drafts.Select(id => new Thread(() =>
        {
            using var connection = _f.Warehouse.Connect();
            var lifecycle = new WarningLifecycle(connection, _f.Warehouse.Reference, _f.Users, _f.Clock, _f.Options);
            start.SignalAndWait();
            try
            {
                lifecycle.Approve(id, LifecycleFixture.Approver);
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        await Task.Run(() => threads.ForEach(t => t.Join()));

        failures.Should().BeEmpty("approvals side by side must neither collide nor fail");

        var numbers = drafts.Select(id => _f.Notice(id)).Select(n => (n.Status, Number: _f.Connection.ExecuteScalar<int>("SELECT doc_seq FROM notices WHERE notice_id = $1", n.NoticeId))).ToList();
        numbers.Should().OnlyContain(n => n.Status == NoticeStatus.Approved);
        numbers.Select(n => n.Number).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Enumerable.Range(1, drafts.Count), "the year's series has no gaps and no repeats");
    }

    [Fact]
    public async Task TwoApproversOnOneDraftAtOnce_OneApproves_TheOtherIsRefused()
    {
        var draft = DraftsForManyCategories()[0];

        var outcomes = await Task.WhenAll(new[] { LifecycleFixture.Approver, LifecycleFixture.SecondApprover }.Select(approver => Task.Run(() =>
        {
            using var connection = _f.Warehouse.Connect();
            var lifecycle = new WarningLifecycle(connection, _f.Warehouse.Reference, _f.Users, _f.Clock, _f.Options);
            try
            {
                lifecycle.Approve(draft, approver);
                return "approved";
            }
            catch (ActionRefusedException refused)
            {
                return refused.Message;
            }
        })));

        outcomes.Count(o => o == "approved").Should().Be(1);
        outcomes.Single(o => o != "approved").Should().Contain("只有草稿可以审批");
    }
}
