namespace RiskMonitor.Tests.Ingest.Tabular;

/// <summary>
/// The real public samples the tests use, copied into <c>tests/RiskMonitor.Tests/Fixtures/real</c> (sources and terms in
/// the README there) and copied beside the test binaries by the build, so that no test reads outside the repository.
/// </summary>
internal static class SharedData
{
    public static string Real(params string[] parts)
    {
        var path = Path.Combine([AppContext.BaseDirectory, "Fixtures", "real", .. parts]);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Test fixture {Path.Combine(parts)} is missing from Fixtures/real.", path);
    }
}
