using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>Chooses a <see cref="ITabularWriter"/> by file extension.</summary>
public static class TabularWriters
{
    private static readonly Lazy<Encoding> Gb18030Encoding = new(() =>
    {
        // .NET ships the legacy Chinese code pages but only exposes them once the provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>GB18030, the encoding of most Chinese government CSV exports.</summary>
    public static Encoding Gb18030 => Gb18030Encoding.Value;

    /// <summary>Creates (or overwrites) a .csv or .xlsx file.</summary>
    /// <param name="csvEncoding">CSV encoding; UTF-8 with BOM when null. Ignored for .xlsx, which is always UTF-8 inside.</param>
    /// <param name="title">A one-cell title row before the header, as real exports have; none when null.</param>
    public static ITabularWriter Create(string path, Encoding? csvEncoding = null, string? title = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return new CsvTabularWriter(path, csvEncoding, title);
        }

        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return new XlsxTabularWriter(path, title);
        }

        throw new TabularFormatException($"不支持写入该格式：{Path.GetFileName(path)}（只支持 .csv 和 .xlsx）");
    }
}
