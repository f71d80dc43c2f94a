using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>A row of <c>warnings</c>: a risk subject under warning. <see cref="Level"/> is the level in force once published, the proposed level before.</summary>
public sealed record WarningRecord(
    long WarningId, string CategoryCode, string RegionCode, WarningLevel Level, WarningStatus Status, DateOnly FirstMonth, DateOnly LastMonth);

/// <summary>A row of <c>warning_events</c>: one step of a warning's history, with who took it and when.</summary>
public sealed record WarningEvent(
    long WarningId, int Seq, DateTime At, string Actor, string Action, WarningLevel? FromLevel, WarningLevel? ToLevel, string? Reason, long? NoticeId);

/// <summary>A row of <c>notices</c> with its content.</summary>
/// <param name="Round">The <c>warning_events.seq</c> of the proposal that drafted it; notices of one round carry one decision.</param>
/// <param name="Content">What it says; null only for notices drafted before migration 003.</param>
public sealed record NoticeRecord(
    long NoticeId,
    long WarningId,
    int Round,
    NoticeAction Action,
    NoticeKind Kind,
    WarningLevel Level,
    WarningLevel FromLevel,
    NoticeStatus Status,
    string Title,
    string DraftedBy,
    DateTime DraftedAt,
    string? ApprovedBy,
    DateTime? ApprovedAt,
    DateTime? PublishedAt,
    DateOnly DataMonth,
    DocumentNumber? Number,
    DateOnly? FeedbackDeadline,
    string? RejectReason,
    NoticeContent? Content)
{
    /// <summary>Status, number and dates for rendering.</summary>
    public NoticeSeal Seal => new(NoticeId, Status, Number, ApprovedAt is { } at ? BureauClock.DateOf(at) : null, FeedbackDeadline);

    /// <summary>True while the notice can still be approved or published.</summary>
    public bool Pending => Status is NoticeStatus.Draft or NoticeStatus.Approved;
}

/// <summary>A notice drafted in this call, with its content and Markdown.</summary>
public sealed record DraftNotice(long NoticeId, long WarningId, NoticeContent Content, string Title, string Markdown);

/// <summary>An approved notice whose whole round is approved: the publication job may publish it.</summary>
public sealed record PublishableNotice(
    long NoticeId, long WarningId, NoticeKind Kind, NoticeAction Action, WarningLevel Level, string Title, string Audience, DocumentNumber? Number, DateTime ApprovedAt, string Markdown);
