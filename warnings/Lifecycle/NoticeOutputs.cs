using RiskMonitor.Core.Data;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Warnings.Lifecycle;

/// <summary>Keeps the notice files under <c>out/notices/</c> in step with the warehouse.</summary>
public static class NoticeOutputs
{
    /// <summary>(Re)writes the Markdown and .docx of every notice of the given warnings, so each file shows its notice's current status.</summary>
    public static IReadOnlyDictionary<long, NoticeFilePaths> Write(DuckDbConnection connection, string outputDirectory, IEnumerable<long> warningIds)
    {
        ArgumentNullException.ThrowIfNull(warningIds);
        var written = new Dictionary<long, NoticeFilePaths>();
        foreach (var warningId in warningIds.Distinct())
        {
            foreach (var notice in WarningStore.Notices(connection, warningId).Where(n => n.Content is not null))
            {
                written[notice.NoticeId] = NoticeFiles.Write(outputDirectory, notice.Content!, notice.Seal);
            }
        }

        return written;
    }
}
