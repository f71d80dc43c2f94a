using RiskMonitor.Core.Domain;

namespace RiskMonitor.Warnings.Notices;

/// <summary>The measures a warning calls for, each of which Art. 20 answers with one kind of publication.</summary>
/// <param name="MandatoryControl">Mandatory measures (stop sale, recall) and a public warning: 风险警示公告.</param>
/// <param name="RapidResponse">Regulators must act fast (inspection, referral to another province): 风险警示通报.</param>
/// <param name="RiskReduction">Producers, sellers and platforms must reduce the risk: 风险警示通告.</param>
/// <param name="ConsumerAttention">Consumers should know of a general risk no announcement already warns them of: 风险提示通告.</param>
public sealed record MeasureNeeds(bool MandatoryControl, bool RapidResponse, bool RiskReduction, bool ConsumerAttention);

/// <summary>
/// Chooses the kinds of publication of a round from the level and the measures needed (regulation 003 Art. 20, 24, 26).
/// </summary>
/// <remarks>
/// <para>Product decision, one measure per kind:</para>
/// <list type="table">
/// <item><term>公告</term><description>level I, or level II with a death reported: Art. 26 calls for stop-sale and recall, and the public must be warned.</description></item>
/// <item><term>通报</term><description>level I or II, or any level with producers outside Hubei, whose cases must be referred to their own province's bureau (Art. 23 (2)).</description></item>
/// <item><term>通告</term><description>level II or III, or any level whose month names producers or online platforms that can be told in writing to act (Art. 23 (1)).</description></item>
/// <item><term>提示通告</term><description>level IV, or level II–III with injuries reported, unless a 公告 already warns consumers.</description></item>
/// </list>
/// <para>So level I gives 公告 + 通报 (+ 通告 to the named parties); II gives 通报 + 通告 (+ 公告 on a death, else + 提示通告 on injuries);
/// III gives 通告 (+ 通报, + 提示通告); IV gives 提示通告 (+ 通告, + 通报). Every round has at least one kind.</para>
/// </remarks>
public static class NoticePlanner
{
    public static MeasureNeeds Needs(WarningLevel level, SubjectFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (level == WarningLevel.None)
        {
            throw new ArgumentOutOfRangeException(nameof(level), "a warning needs a level");
        }

        var mandatory = level == WarningLevel.I || (level == WarningLevel.II && facts.Counts.Deaths > 0);
        var rapid = level >= WarningLevel.II || facts.OutOfProvinceProducers.Count > 0;
        var reduction = level is WarningLevel.II or WarningLevel.III || facts.NamesParties;
        var attention = !mandatory && (level == WarningLevel.IV || facts.Counts.Harmed);
        return new MeasureNeeds(mandatory, rapid, reduction, attention);
    }

    /// <summary>The kinds for a new level, most binding first.</summary>
    public static IReadOnlyList<NoticeKind> KindsFor(WarningLevel level, SubjectFacts facts)
    {
        var needs = Needs(level, facts);
        return NoticeKinds.ByWeight.Where(kind => kind switch
        {
            NoticeKind.Announcement => needs.MandatoryControl,
            NoticeKind.Bulletin => needs.RapidResponse,
            NoticeKind.Notice => needs.RiskReduction,
            _ => needs.ConsumerAttention,
        }).ToList();
    }
}
