using System.Text;
using System.Text.Json;

namespace RiskMonitor.Warnings.Publishing;

/// <summary>One line of the drop folder's <c>manifest.jsonl</c>.</summary>
public sealed record ManifestEntry(string IdempotencyKey, long NoticeId, string File, string Sha256, string Title, string WrittenAt);

/// <summary>The drop folder's manifest: one line per key, never two.</summary>
public static class FolderManifest
{
    /// <summary>Lists <paramref name="entry"/> unless its key is listed already; returns whether it was added.</summary>
    /// <remarks>The whole manifest is rewritten through <see cref="AtomicFile"/>: notices are few (hundreds a year), and an
    /// append could leave a torn last line after a crash.</remarks>
    public static bool AddOnce(string path, ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var lines = File.Exists(path) ? File.ReadAllLines(path, Encoding.UTF8) : [];
        if (lines.Any(l => KeyOf(l) == entry.IdempotencyKey))
        {
            return false;
        }

        var text = new StringBuilder();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            text.Append(line).Append('\n');
        }

        text.Append(JsonSerializer.Serialize(entry, PublicationPayload.JsonOptions)).Append('\n');
        AtomicFile.Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString()));
        return true;
    }

    /// <summary>The keys listed, in order (duplicates included, so that a test can see there are none).</summary>
    public static IReadOnlyList<string> Keys(string path) =>
        File.Exists(path) ? File.ReadAllLines(path, Encoding.UTF8).Select(KeyOf).OfType<string>().ToList() : [];

    private static string? KeyOf(string line)
    {
        if (line.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("idempotencyKey", out var key) ? key.GetString() : null;
        }
        catch (JsonException)
        {
            // Not written by us (the manifest is only ever replaced whole); keep the line, it names no key.
            return null;
        }
    }
}
