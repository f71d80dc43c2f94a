using System.Text;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Tests.Ingest.Tabular;

/// <summary>Small helpers shared by the tabular reader tests.</summary>
internal static class TabularTestFiles
{
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

    public static string WriteText(this TempDirectory dir, string name, string text, Encoding? encoding = null)
    {
        var path = dir.File(name);
        File.WriteAllText(path, text, encoding ?? Utf8NoBom);
        return path;
    }

    public static string WriteBytes(this TempDirectory dir, string name, byte[] bytes)
    {
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static List<TabularRow> ReadAll(this ITabularReader reader)
    {
        var rows = new List<TabularRow>();
        while (reader.TryRead(out var row))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("gb18030");
        }
    }
}
