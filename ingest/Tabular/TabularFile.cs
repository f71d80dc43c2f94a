namespace RiskMonitor.Ingest.Tabular;

/// <summary>The format of a tabular file, as its content shows.</summary>
public enum TabularFileKind
{
    Csv,
    Xlsx,
    Xls,
}

/// <summary>Opens a tabular file with the reader its content calls for.</summary>
public static class TabularFile
{
    private static readonly string[] ExcelExtensions = [".xlsx", ".xlsm", ".xls"];

    /// <summary>Opens a CSV, XLSX or XLS file, read up to its header row.</summary>
    /// <remarks>
    /// The content decides (a zip is an XLSX workbook, an OLE compound file an XLS one, anything else CSV text): exports are
    /// often misnamed. The extension only settles what the content cannot, such as a damaged file named .xlsx.
    /// </remarks>
    /// <exception cref="TabularFormatException">The file is missing, unreadable, or not a table this product reads.</exception>
    public static ITabularReader Open(string path, TabularReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return DetectKind(path) switch
        {
            TabularFileKind.Csv => new CsvTabularReader(path, options),
            var excel => new ExcelTabularReader(path, options, excel),
        };
    }

    /// <summary>Tells the format of a file from its first bytes, with the extension as a hint.</summary>
    /// <exception cref="TabularFormatException">The file is missing or is a web page saved under an Excel name.</exception>
    public static TabularFileKind DetectKind(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> head = stackalloc byte[512];
        int length;
        using (var stream = OpenRead(path))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..length];
        if (head is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            return TabularFileKind.Xlsx;
        }

        if (head is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            return TabularFileKind.Xls;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!ExcelExtensions.Contains(extension))
        {
            return TabularFileKind.Csv;
        }

        if (LooksLikeMarkup(head))
        {
            throw new TabularFormatException(
                $"文件“{Path.GetFileName(path)}”的扩展名是 {extension}，但内容是网页（HTML/XML）格式，不是 Excel 工作簿；请用 Excel 打开后另存为 .xlsx 或 .csv 再导入。");
        }

        // Systems export CSV text under an Excel name; binary content that is no workbook is a damaged one.
        return head.Length > 0 && !head.Contains((byte)0) ? TabularFileKind.Csv
            : extension == ".xls" ? TabularFileKind.Xls : TabularFileKind.Xlsx;
    }

    /// <summary>Opens a file for a sequential read, with a Chinese message when it cannot be.</summary>
    /// <param name="bufferSize">The stream's own buffer; 1 (none) for callers that read in large blocks themselves.</param>
    internal static FileStream OpenRead(string path, int bufferSize = 1)
    {
        if (!File.Exists(path))
        {
            throw new TabularFormatException($"文件不存在：{path}");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TabularFormatException($"无法打开文件“{path}”：{ex.Message}", ex);
        }
    }

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        if (head is [0xEF, 0xBB, 0xBF, ..])
        {
            head = head[3..];
        }

        var text = head.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'<';
    }
}
