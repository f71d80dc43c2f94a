using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>The JSON a channel sends for a notice: the same bytes for every attempt with the same key.</summary>
public static class PublicationPayload
{
    /// <summary>Chinese stays readable in the files and requests rather than becoming <c>\uXXXX</c> escapes.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static byte[] Serialize(PublicationEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var level = (WarningLevel)envelope.Level;
        return JsonSerializer.SerializeToUtf8Bytes(
            new Body(
                envelope.IdempotencyKey, envelope.NoticeId, envelope.WarningId, envelope.Kind, envelope.Level, level.ChineseLabel(),
                envelope.Title, envelope.BodyMarkdown, envelope.ApprovedBy,
                DateTime.SpecifyKind(envelope.ApprovedAtUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                envelope.FeedbackDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), NoticeDocument.IssuingAuthority),
            JsonOptions);
    }

    public static string Sha256(byte[] payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    private sealed record Body(
        string IdempotencyKey, long NoticeId, long WarningId, string Kind, int Level, string LevelLabel, string Title,
        string BodyMarkdown, string ApprovedBy, string ApprovedAt, string? FeedbackDeadline, string IssuingAuthority);
}
