namespace RiskMonitor.Warnings.Publishing;

/// <summary>
/// Drops each notice as <c>{idempotency key}.json</c> into a folder and lists it once in <c>manifest.jsonl</c>
/// (one JSON object per line: key, notice, file, SHA-256, title, when written).
/// </summary>
/// <remarks>
/// <para>Every write goes to <c>NAME.tmp</c>, is flushed to disk and renamed over <c>NAME</c>, so a reader never sees a
/// torn file; readers take <c>*.json</c> and the manifest and ignore <c>*.tmp</c>. The crash windows, in order:</para>
/// <list type="number">
/// <item>Before the notice's rename: at most a <c>.tmp</c> exists. The outbox row is still pending, the retry writes the same
/// temp name and renames it: one file.</item>
/// <item>After the rename, before the manifest: the file exists unlisted. The retry overwrites it (same name, same bytes)
/// and lists it.</item>
/// <item>After the manifest, before the outbox commits: the retry overwrites the file with the same bytes and finds the key
/// already listed, so the manifest gains nothing.</item>
/// <item>During a manifest update: the manifest is rewritten whole and renamed over the old one, so it is the old or the
/// new list, never a torn line.</item>
/// <item>After the outbox commits: the row is delivered and never tried again.</item>
/// </list>
/// <para>This holds for a killed process. After a power loss it also relies on the file system persisting the rename
/// before the warehouse's commit (ext4 and XFS do for a rename over an existing file); .NET cannot fsync a directory.</para>
/// <para>One process owns the warehouse and so the outbox; within it one drain per channel runs at a time, so the manifest
/// has one writer. A second channel must not share the folder.</para>
/// </remarks>
public sealed class FolderChannel(string directory, TimeProvider time, string name = "folder") : IPublicationChannel
{
    public const string ManifestFileName = "manifest.jsonl";
    public const string TemporarySuffix = ".tmp";

    public string Name { get; } = name;

    public string Directory { get; } = directory;

    public Task<string> DeliverAsync(PublicationEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        cancellationToken.ThrowIfCancellationRequested();
        var payload = PublicationPayload.Serialize(envelope);
        var fileName = envelope.IdempotencyKey + ".json";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            AtomicFile.Write(Path.Combine(Directory, fileName), payload);
            var entry = new ManifestEntry(
                envelope.IdempotencyKey, envelope.NoticeId, fileName, PublicationPayload.Sha256(payload), envelope.Title,
                time.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            FolderManifest.AddOnce(Path.Combine(Directory, ManifestFileName), entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PublicationException($"cannot write {fileName} in {Directory}: {e.Message}", e);
        }

        return Task.FromResult(fileName);
    }
}

/// <summary>Writes a file so that it is either the old or the new content, never a part.</summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temporary = path + FolderChannel.TemporarySuffix;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
