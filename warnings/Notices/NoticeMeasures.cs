using RiskMonitor.Core.Domain;

namespace RiskMonitor.Warnings.Notices;

/// <summary>
/// The measures each kind of notice asks of its audience, matched to the level (Art. 24) and to the facts of the month:
/// referral of producers outside Hubei (Art. 23 (2)), online platforms, the hazards to guard against.
/// </summary>
public static class NoticeMeasures
{
    public static IReadOnlyList<string> For(NoticeKind kind, NoticeAction action, WarningLevel level, SubjectFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (action == NoticeAction.Lift)
        {
            return Lifting(kind, facts);
        }

        var measures = kind switch
        {
            NoticeKind.Bulletin => Regulators(level),
            NoticeKind.Notice => Producers(level),
            NoticeKind.Announcement => Mandatory(),
            _ => Consumers(facts),
        };
        if (kind == NoticeKind.Bulletin && facts.OutOfProvinceProducers.Count > 0)
        {
            measures.Add($"对标称生产企业在省外的（{string.Join("、", facts.OutOfProvinceProducers)}），将风险信息和案件线索移送企业所在地同级市场监管部门处理（第二十三条第二项）。");
        }

        if (kind is NoticeKind.Bulletin or NoticeKind.Notice && facts.Platforms.Count > 0)
        {
            measures.Add(kind == NoticeKind.Bulletin
                ? $"督促{string.Join("、", facts.Platforms)}等电子商务平台经营者对平台内涉及产品开展排查，及时采取下架等措施。"
                : "电子商务平台经营者对平台内涉及产品开展排查，及时下架不合格产品，并配合开展调查处置。");
        }

        return measures;
    }

    private static List<string> Regulators(WarningLevel level) => level switch
    {
        WarningLevel.I =>
        [
            "立即组织对辖区内涉及产品的生产者、销售者开展专项排查，督促落实停止销售、召回等措施（第二十六条）。",
            "对涉嫌违反产品质量法律法规的，作为案件线索依法查处（第二十三条第二项）。",
            "处置进展每周报送省局，重大情况随时报告。",
        ],
        WarningLevel.II =>
        [
            "对辖区内相关生产者、销售者开展重点检查和监督抽查。",
            "约谈相关生产企业，督促其排查隐患并限期整改（第二十三条第一项）。",
            "加强风险监测，发现风险升高的及时报告。",
        ],
        WarningLevel.III =>
        [
            "将涉及企业纳入重点监管，加强日常监督检查。",
            "结合监督抽查和风险监测跟踪涉及产品质量状况。",
        ],
        _ =>
        [
            "在日常监管中关注涉及产品质量状况，做好风险信息采集和报送。",
        ],
    };

    private static List<string> Producers(WarningLevel level) => level switch
    {
        WarningLevel.I =>
        [
            "立即停止生产、销售涉及产品，依法实施召回，并对库存产品采取无害化处理或销毁等措施（第二十六条）。",
            "查明质量安全问题原因，制定并落实整改措施。",
        ],
        WarningLevel.II =>
        [
            "立即排查质量安全隐患，对问题产品采取暂停销售、整改等风险消减措施。",
            "按时书面反馈整改落实情况，必要时接受约谈（第二十三条第一项）。",
        ],
        WarningLevel.III =>
        [
            "对照强制性国家标准和明示的质量标准开展自查，消除质量安全隐患。",
            "加强原材料进货检验和出厂检验，规范产品标识。",
        ],
        _ =>
        [
            "加强质量管理，规范产品标识和使用说明，提示消费者正确使用。",
        ],
    };

    private static List<string> Mandatory() =>
    [
        "相关生产者、销售者必须立即停止生产、销售涉及产品，依法召回已售出产品（第二十六条）。",
        "消费者应立即停止使用涉及产品，可联系销售者退货或配合召回；发现安全问题请拨打12315投诉举报。",
        "各地市场监管部门依法监督上述措施落实，对拒不执行的依法查处。",
    ];

    private static List<string> Consumers(SubjectFacts facts)
    {
        var list = new List<string>
        {
            "购买时选择正规渠道，查看产品标识、合格证明和强制性认证标志，不购买“三无”产品。",
            "使用前仔细阅读说明书，按说明正确安装和使用，发现异常立即停止使用。",
        };
        if (facts.Hazards.Count > 0)
        {
            list.Add($"注意防范{string.Join("、", facts.Hazards)}等风险。");
        }

        list.Add("遇到产品质量安全问题，可拨打12315或登录全国12315平台投诉举报。");
        return list;
    }

    private static List<string> Lifting(NoticeKind kind, SubjectFacts facts) => kind switch
    {
        NoticeKind.Bulletin => ["各地恢复常态化监管，继续做好风险监测和信息报送，发现风险反弹的及时报告。"],
        NoticeKind.Notice => ["相关生产经营者继续落实质量安全主体责任，巩固整改成效。"],
        NoticeKind.Announcement => ["此前依本预警采取的强制性措施自本公告发布之日起解除；已依法实施的召回按原计划完成。", .. Consumers(facts)],
        _ => Consumers(facts),
    };
}
