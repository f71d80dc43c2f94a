using System.Globalization;
using Microsoft.AspNetCore.Http;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.App.Dashboard;

/// <summary>The filters a table view accepts from the query string; anything malformed is ignored, never echoed.</summary>
/// <param name="Producer">Part of a producer's name (free text, at most 64 characters; always bound as a parameter).</param>
public sealed record DashboardFilter(DateOnly? Month, WarningLevel? Level, string? Region, string? Category, string? Status, long? Batch, string? Producer = null)
{
    public const int MaxRows = 5000;

    public static DashboardFilter From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var q = request.Query;
        DateOnly? month = DateOnly.TryParseExact(q["month"].ToString() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;
        WarningLevel? level = int.TryParse(q["level"], CultureInfo.InvariantCulture, out var l) && Enum.IsDefined((WarningLevel)l) ? (WarningLevel)l : null;
        long? batch = long.TryParse(q["batch"], CultureInfo.InvariantCulture, out var b) ? b : null;
        return new DashboardFilter(month, level, Code(q["region"]), Code(q["category"]), Code(q["status"]), batch, Text(q["producer"]));
    }

    /// <summary>Free text, trimmed; over 64 characters or with control characters it matches nothing.</summary>
    private static string? Text(string? text)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length <= 64 && !t.Any(char.IsControl) ? t : "\u0000";
    }

    /// <summary>Codes are short ASCII tokens; a filter that is not one matches nothing rather than being passed on.</summary>
    private static string? Code(string? text) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= 32 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? text : "\u0000";
}
