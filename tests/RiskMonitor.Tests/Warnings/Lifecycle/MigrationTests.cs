using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Warnings.Lifecycle;

public sealed class MigrationTests
{
    [Fact]
    public void Migration003_TurnsNoticesDraftedBeforeItIntoTheFirstRoundOfTheirWarning()
    {
        using var database = DuckDbDatabase.Open(DuckDbDatabase.InMemory);
        using var c = database.Connect();
        // A warehouse at 001 with a warning and notice written the way the thin proposer wrote them.
        var foundation = Migrator.Shipped.Single(m => m.Version == 1);
        c.ExecuteScript(foundation.Sql);
        c.ExecuteScript("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
        c.Execute("INSERT INTO schema_migrations VALUES (1, $1, $2, now())", foundation.Name, foundation.Checksum);
        c.Execute("INSERT INTO warnings VALUES (1, 'category', 'GA01', '', '', 3, 'proposed', DATE '2026-01-01', DATE '2026-01-01', now(), now())");
        c.Execute("INSERT INTO warning_events VALUES (1, 1, now(), 'system', 'propose', NULL, 3, '旧的说明')");
        c.Execute("INSERT INTO notices (notice_id, warning_id, kind, level, title, body_markdown, status, drafted_by, drafted_at) VALUES (1, 1, '风险警示通报', 3, '旧标题', '旧正文', 'draft', 'system', now())");

        Migrator.Apply(c).Should().Contain(3);

        var notice = WarningStore.Notice(c, 1)!;
        (notice.Round, notice.Action, notice.Kind, notice.DataMonth, notice.Content).Should().Be((1, NoticeAction.Issue, NoticeKind.Bulletin, new DateOnly(2026, 1, 1), (NoticeContent?)null));
        WarningStore.Render(notice).Should().BeNull("its stored text is kept");
        WarningStore.Events(c, 1).Single().NoticeId.Should().BeNull();
    }
}
