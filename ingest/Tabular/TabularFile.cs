// PLACEHOLDER until the streaming readers land: replaced by the real TabularFile.
namespace RiskMonitor.Ingest.Tabular;

public static class TabularFile
{
    public static ITabularReader Open(string path, TabularReadOptions options) => throw new NotSupportedException(path + options);
}
