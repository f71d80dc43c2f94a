namespace RiskMonitor.Warnings.Notices;

/// <summary>Where a notice's documents were written.</summary>
public sealed record NoticeFilePaths(string Markdown, string Docx);

/// <summary>
/// Writes a notice's documents under <c>out/notices/YYYY-MM/</c> (the month of its data), as Markdown and as a .docx in
/// the official layout, each atomically. A notice keeps its file names through approval and publication, so the files
/// always show its current status.
/// </summary>
public static class NoticeFiles
{
    public static NoticeFilePaths Write(string outputDirectory, NoticeContent content, NoticeSeal seal)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(seal);
        var directory = Path.Combine(outputDirectory, "notices", $"{content.DataMonth:yyyy-MM}");
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{seal.NoticeId:0000}-{content.Kind.ChineseName()}-{Sanitize(content.Title)}");
        var document = NoticeDocument.Build(content, seal);
        var markdown = stem + ".md";
        var docx = stem + ".docx";
        WriteAtomically(markdown, path => File.WriteAllText(path, NoticeDocument.Markdown(document)));
        WriteAtomically(docx, path => File.WriteAllBytes(path, NoticeDocx.Render(document)));
        return new NoticeFilePaths(markdown, docx);
    }

    private static void WriteAtomically(string path, Action<string> write)
    {
        var temporary = path + ".partial";
        write(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var clean = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return clean.Length > 60 ? clean[..60] : clean;
    }
}
