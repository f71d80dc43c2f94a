namespace RiskMonitor.Warnings.FollowUp;

/// <summary>Where a follow-up case stands: what it waits for next.</summary>
public enum CaseStage
{
    /// <summary>Waiting for the result notice to be delivered and received (Art. 5).</summary>
    Delivery,

    /// <summary>The objection window of Art. 7 runs.</summary>
    ObjectionWindow,

    /// <summary>An objection was filed; the provincial bureau decides (Art. 8).</summary>
    Objection,

    /// <summary>A re-test was ordered (Art. 9–11).</summary>
    Retest,

    /// <summary>Another bureau checks the sample's authenticity (Art. 15).</summary>
    Authenticity,

    /// <summary>The failure stands; the provincial bureau transfers it to the local bureau (Art. 16).</summary>
    Transfer,

    /// <summary>The local bureau orders correction (Art. 17).</summary>
    Correction,

    /// <summary>The producer or seller rectifies and applies for the re-check (Art. 20).</summary>
    Rectification,

    /// <summary>The local bureau re-checks (Art. 21–22).</summary>
    Recheck,

    /// <summary>The local bureau reports the outcome into the system (Art. 25).</summary>
    Reporting,

    /// <summary>The outcome was reported; the case can be closed.</summary>
    Reported,

    Closed,
}

/// <summary>Stored codes and Chinese names of <see cref="CaseStage"/>.</summary>
public static class CaseStages
{
    private static readonly (CaseStage Stage, string Code, string Name)[] Table =
    [
        (CaseStage.Delivery, "delivery", "检验结果送达"),
        (CaseStage.ObjectionWindow, "objection_window", "异议申请期"),
        (CaseStage.Objection, "objection", "异议处理"),
        (CaseStage.Retest, "retest", "复检"),
        (CaseStage.Authenticity, "authenticity", "样品真实性调查"),
        (CaseStage.Transfer, "transfer", "待移交后处理单位"),
        (CaseStage.Correction, "correction", "责令改正"),
        (CaseStage.Rectification, "rectification", "整改"),
        (CaseStage.Recheck, "recheck", "整改复查"),
        (CaseStage.Reporting, "reporting", "处理结果报送"),
        (CaseStage.Reported, "reported", "已报送，待结案"),
        (CaseStage.Closed, "closed", "已结案"),
    ];

    public static string Code(this CaseStage stage) => Table.First(t => t.Stage == stage).Code;

    public static string ChineseName(this CaseStage stage) => Table.First(t => t.Stage == stage).Name;

    public static CaseStage Parse(string code) =>
        Table.FirstOrDefault(t => t.Code == code) is { Code: not null } row
            ? row.Stage
            : throw new ArgumentOutOfRangeException(nameof(code), code, "unknown follow-up stage");
}

/// <summary>What the sample's failing conclusion became.</summary>
public static class CaseConclusions
{
    /// <summary>As tested; no objection settled it yet.</summary>
    public const string Failed = "failed";

    /// <summary>An objection was rejected, ended or withdrawn: the failing conclusion stands.</summary>
    public const string Maintained = "maintained";

    /// <summary>An objection succeeded: the failing conclusion no longer counts against the producer.</summary>
    public const string Withdrawn = "withdrawn";

    public static string ChineseName(string? code) => code switch
    {
        Failed => "不合格",
        Maintained => "不合格（维持原检验结论）",
        Withdrawn => "已撤回原检验结论",
        _ => code ?? string.Empty,
    };
}
