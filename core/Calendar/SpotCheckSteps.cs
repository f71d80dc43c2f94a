namespace RiskMonitor.Core.Calendar;

/// <summary>
/// The follow-up steps of regulation 000 (湖北省市场监督管理局产品质量监督抽查结果处理工作管理办法, in force 2026-01-01)
/// that carry a statutory period, in the order they happen. Every figure was checked against the article's text.
/// </summary>
public static class SpotCheckSteps
{
    /// <summary>Art. 5: report, result notice (and improvement advice if failed) delivered, results entered into the system.</summary>
    public static SpotCheckStep ResultDelivery { get; } = new(
        "result_delivery", "送达检验报告和检验结果通知单并录入信息系统", 7, "自出具检验报告之日起", "第五条", SpotCheckActor.TestingBody,
        "检验结论为不合格的，同时附送《产品质量改进建议书》；无法送达的按第六条委托当地市场监督管理部门送达或公告送达。");

    /// <summary>Art. 7: written objection with evidence; silence means no objection.</summary>
    public static SpotCheckStep Objection { get; } = new(
        "objection", "提出书面异议申请", 15, "自收到《产品质量监督抽查检验结果通知单》之日起", "第七条", SpotCheckActor.ProducerOrSeller,
        "逾期未提交的，视为无异议。");

    /// <summary>Art. 9: the objector confirms the re-test samples with the original sampler (or authorises it in writing).</summary>
    public static SpotCheckStep RetestSampleConfirmation { get; } = new(
        "retest_sample_confirmation", "核对确认复检样品并办理复检手续", 7, "自收到《产品质量监督抽查异议申请结果通知书》之日起", "第九条",
        SpotCheckActor.Objector, "逾期未办理复检手续的，终止复检，维持原检验结论（第十条第二项）。");

    /// <summary>Art. 15: another bureau reports its check of a sample's authenticity; the article names no starting event.</summary>
    public static SpotCheckStep AuthenticityCheck { get; } = new(
        "authenticity_check", "样品真实性协助调查并书面报告省局", 10, "自收到省局协助调查函之日起", "第十五条", SpotCheckActor.AssistingBureau,
        "条文只规定“应在10日内”报告，未写明起算日；本系统以收到协助调查函之日起算。");

    /// <summary>Art. 16: failed results transferred to the local bureau (or another province's); no period, only an order.</summary>
    public static SpotCheckStep Transfer { get; } = new(
        "transfer", "下达不合格结果移交处理通知书", null, "异议处理申请期届满后", "第十六条", SpotCheckActor.ProvincialBureau,
        "条文未规定天数，只规定在异议处理申请期届满后移交；生产者在省外的，送达其所在地省级市场监督管理部门。");

    /// <summary>Art. 17: the local bureau orders correction.</summary>
    public static SpotCheckStep CorrectionOrder { get; } = new(
        "correction_order", "下达责令改正通知书", 15, "自收到《产品质量监督抽查不合格结果移交处理通知书》之日起", "第十七条",
        SpotCheckActor.LocalBureau, "第十七条称《产品质量监督抽查不合格移送处理通知书》，与第十六条及附件6名称不一致，指同一文书。");

    /// <summary>Art. 17 and 20: the producer or seller rectifies, reports and applies for the re-check.</summary>
    public static SpotCheckStep Rectification { get; } = new(
        "rectification", "完成整改、提交整改报告并申请复查", 60, "自收到《产品质量监督抽查责令改正通知书》之日起", "第十七条、第二十条",
        SpotCheckActor.ProducerOrSeller, "起算日是被抽样生产者、销售者收到（接到）通知书之日，不是通知书的落款日；整改复查合格前不得生产、销售同一规格型号产品。");

    /// <summary>Art. 21: the local bureau organises the re-check (testing and on-site inspection).</summary>
    public static SpotCheckStep RecheckOrganisation { get; } = new(
        "recheck_organisation", "组织开展整改复查", 15, "自接到复查申请之日起", "第二十一条", SpotCheckActor.LocalBureau,
        "整改复查包括复查检验和现场检查。");

    /// <summary>Art. 22: the local bureau delivers the re-check report and result notice.</summary>
    public static SpotCheckStep RecheckReportDelivery { get; } = new(
        "recheck_report_delivery", "送达复查检验报告和复查检验结果通知书", 7, "自接到检验机构的复查检验报告之日起", "第二十二条",
        SpotCheckActor.LocalBureau, "对复查结果有异议的，参照第三章处理。");

    /// <summary>
    /// Art. 22 ¶2: an objection to the re-check result is handled "with reference to chapter 3"; as Art. 7 does for the first
    /// result, the producer or seller has 15 days from receiving the re-check result notice, and silence means no objection.
    /// </summary>
    public static SpotCheckStep RecheckObjection { get; } = new(
        "recheck_objection", "对复查结果提出书面异议", 15, "自收到《产品质量监督复查检验结果通知书》之日起（参照第七条）", "第二十二条、第七条",
        SpotCheckActor.ProducerOrSeller,
        "第二十二条规定对复查结果有异议的参照第三章处理，未写明期限；本系统参照第七条，以送达复查检验结果通知书之日起15日计，逾期未提出的视为无异议。只在复查不合格时开始。");

    /// <summary>Art. 25: the local bureau reports the outcome into the system; "after the re-check" names no exact day.</summary>
    public static SpotCheckStep OutcomeReport { get; } = new(
        "outcome_report", "通过信息系统报送处理结果", 10, "整改复查后（以整改复查完成之日起算）", "第二十五条", SpotCheckActor.LocalBureau,
        "条文为“在整改复查后10日内”，未写明以哪一日为准；本系统以整改复查完成之日起算。");

    /// <summary>Every step, in the order they happen.</summary>
    public static IReadOnlyList<SpotCheckStep> All { get; } =
    [
        ResultDelivery, Objection, RetestSampleConfirmation, AuthenticityCheck, Transfer,
        CorrectionOrder, Rectification, RecheckOrganisation, RecheckReportDelivery, RecheckObjection, OutcomeReport,
    ];

    /// <summary>The step with <paramref name="code"/>, or null.</summary>
    public static SpotCheckStep? Find(string code) => All.FirstOrDefault(s => s.Code == code);
}
