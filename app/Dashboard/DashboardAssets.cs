using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RiskMonitor.Reports.Charts;

namespace RiskMonitor.App.Dashboard;

/// <summary>
/// The dashboard page and its scripts, shipped inside the assembly (<c>wwwroot/</c> as embedded resources) and ECharts from
/// the reports assembly: nothing is fetched from anywhere else.
/// </summary>
public static class DashboardAssets
{
    private const string Prefix = "RiskMonitor.App.Dashboard.wwwroot.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private static readonly Lazy<Dictionary<string, byte[]>> Files = new(Load);

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => File("index.html"));
        app.MapGet("/assets/{name}", (string name) => name == "echarts.min.js"
            ? Results.Bytes(EChartsAsset.Bytes.ToArray(), ContentTypes[".js"])
            : File(name));
    }

    private static IResult File(string name) =>
        Files.Value.TryGetValue(name, out var bytes) && ContentTypes.TryGetValue(Path.GetExtension(name), out var type)
            ? Results.Bytes(bytes, type)
            : Results.NotFound();

    private static Dictionary<string, byte[]> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[Prefix.Length..]] = copy.ToArray();
        }

        return files;
    }
}
