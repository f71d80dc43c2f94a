namespace RiskMonitor.Warnings.Notices;

/// <summary>Writes notice documents under <c>out/notices/YYYY-MM/</c>, one file per notice, atomically.</summary>
public static class NoticeFiles
{
    public static string Write(string outputDirectory, DateOnly month, long noticeId, NoticeKind kind, string title, string markdown)
    {
        var directory = Path.Combine(outputDirectory, "notices", $"{month:yyyy-MM}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{noticeId:0000}-{kind.ChineseName()}-{Sanitize(title)}.md");
        var temporary = path + ".partial";
        File.WriteAllText(temporary, markdown);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var clean = new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return clean.Length > 60 ? clean[..60] : clean;
    }
}
