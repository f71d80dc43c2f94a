namespace RiskMonitor.Tests.Ingest.Tabular;

/// <summary>The real public samples under <c>shared/data/real</c>, found by walking up from the test binaries.</summary>
/// <remarks>A worktree finds them a few levels up; a CI clone has <c>../shared</c> beside it, which the same walk finds.</remarks>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Real(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "real");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/data/real above {AppContext.BaseDirectory}.");
    }
}
