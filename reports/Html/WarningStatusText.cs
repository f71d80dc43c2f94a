namespace RiskMonitor.Reports.Html;

/// <summary>How reports word a warning's state, and which states count as a warning in force.</summary>
public static class WarningStatusText
{
    /// <summary>SQL condition on <c>status</c> for a warning in force: anything not rejected or lifted (new states count as in force).</summary>
    public const string OpenCondition = "status NOT IN ('rejected', 'lifted')";

    public static string Label(string status) => status switch
    {
        "proposed" => "待审批",
        "approved" => "已批准",
        "published" => "已发布",
        "lifted" => "已解除",
        "rejected" => "已退回",
        _ => status,
    };
}
