using System.Globalization;

namespace RiskMonitor.Warnings.Notices;

/// <summary>A document number in the bureau's series, given on approval: 鄂市监风险〔2026〕7号.</summary>
public readonly record struct DocumentNumber(int Year, int Sequence)
{
    public const string Prefix = "鄂市监风险";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}〔{Year}〕{Sequence}号");
}

/// <summary>What approval and publication add to a notice: status, number, date of issue and the feedback deadline.</summary>
public sealed record NoticeSeal(long NoticeId, NoticeStatus Status, DocumentNumber? Number, DateOnly? IssuedOn, DateOnly? FeedbackDeadline)
{
    /// <summary>A fresh draft: no number, no date.</summary>
    public static NoticeSeal Draft(long noticeId) => new(noticeId, NoticeStatus.Draft, null, null, null);
}
