using RiskMonitor.App.Configuration;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Pipeline;

namespace RiskMonitor.App.Hosting;

/// <summary>
/// Picks up input files dropped in the inbox folder. The source is told by the file name's prefix (complaints-,
/// spot-checks-, station-reports-); loaded or skipped files move to <c>processed/</c>, failed ones to <c>failed/</c>.
/// </summary>
public static class InboxIngest
{
    public static IReadOnlyList<IngestResult> Run(RiskWarehouse warehouse, RiskMonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var inbox = settings.Inbox.Directory;
        if (!Directory.Exists(inbox))
        {
            return [];
        }

        var results = new List<IngestResult>();
        using var runner = new IngestRunner(warehouse, HashKeyStore.Resolve(settings));
        foreach (var file in Directory.EnumerateFiles(inbox).Order(StringComparer.Ordinal))
        {
            var source = SourceOf(Path.GetFileName(file));
            if (source is null)
            {
                continue;
            }

            var result = runner.Ingest(source.Value, file);
            results.Add(result);
            var target = Path.Combine(inbox, result.Failed ? "failed" : "processed");
            Directory.CreateDirectory(target);
            File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return results;
    }

    public static IngestSource? SourceOf(string fileName) =>
        Enum.GetValues<IngestSource>().Cast<IngestSource?>().FirstOrDefault(s => fileName.StartsWith(s!.Value.Name() + "-", StringComparison.Ordinal));
}
