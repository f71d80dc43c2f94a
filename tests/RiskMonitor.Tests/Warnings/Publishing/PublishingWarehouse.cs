using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Tests.Warnings.Publishing;

/// <summary>A real warehouse file in a temp folder, with notices inserted the way the approval flow leaves them.</summary>
public sealed class PublishingWarehouse : IDisposable
{
    public const string Drafter = "system";
    public const string Approver = "李审批";
    public static readonly DateTime SeededAt = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private readonly RiskWarehouse? _warehouse;

    public PublishingWarehouse(bool open = true)
    {
        Directory = new TempDirectory();
        Path = Directory.File("w.duckdb");
        _warehouse = open ? RiskWarehouse.Open(Path) : null;
    }

    public TempDirectory Directory { get; }

    public string Path { get; }

    public RiskWarehouse Warehouse => _warehouse ?? throw new InvalidOperationException("opened closed");

    public DuckDbConnection Connect() => Warehouse.Connect();

    /// <summary>Inserts a warning and its notice with the given notice status; approved ones carry an approver.</summary>
    public static long AddNotice(
        DuckDbConnection connection, string status, string? approvedBy = Approver, string draftedBy = Drafter, string warningStatus = "approved")
    {
        ArgumentNullException.ThrowIfNull(connection);
        var warningId = connection.ExecuteScalar<long>("SELECT nextval('seq_warning_id')");
        connection.Execute(
            "INSERT INTO warnings VALUES ($1, 'category', 'EB01', '', '', 3, $2, DATE '2026-10-01', DATE '2026-10-01', $3, $3)",
            warningId, warningStatus, SeededAt);
        var noticeId = connection.ExecuteScalar<long>("SELECT nextval('seq_notice_id')");
        var approved = status is "approved" or "published";
        connection.Execute(
            """
            INSERT INTO notices (notice_id, warning_id, kind, level, title, body_markdown, status, drafted_by, drafted_at,
                                 approved_by, approved_at, published_at, feedback_deadline)
            VALUES ($1, $2, '风险警示通告', 3, $3, $4, $5, $6, $7, $8, $9, $10, DATE '2026-12-05')
            """,
            noticeId, warningId, $"关于全省电动自行车质量安全风险的风险警示通告（{noticeId}）", $"# 通告 {noticeId}\n\n正文。", status, draftedBy,
            SeededAt, approved ? approvedBy : null, approved ? SeededAt : null, status == "published" ? SeededAt : null);
        return noticeId;
    }

    public long AddNotice(string status, string? approvedBy = Approver, string draftedBy = Drafter)
    {
        using var connection = Connect();
        return AddNotice(connection, status, approvedBy, draftedBy);
    }

    public void Dispose()
    {
        _warehouse?.Dispose();
        Directory.Dispose();
    }
}
