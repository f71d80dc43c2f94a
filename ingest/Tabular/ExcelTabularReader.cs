using System.Text;
using ExcelDataReader;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>Reads one sheet of an XLSX or XLS workbook one row at a time, below any title rows, cells as text.</summary>
/// <remarks>
/// Built on ExcelDataReader, which streams the sheet rather than loading the workbook. Every failure of the workbook itself
/// (a truncated zip, a damaged compound file, broken XML) surfaces as a <see cref="TabularFormatException"/> in Chinese.
/// </remarks>
public sealed class ExcelTabularReader : ITabularReader
{
    private readonly IExcelDataReader _reader;
    private readonly string _fileName;
    private readonly string[] _headers;
    private string[] _cells = [];
    private int _cellCount;
    private long _rowNumber;
    private bool _finished;

    /// <summary>Opens a workbook, chooses its sheet and reads up to the header row.</summary>
    /// <exception cref="TabularFormatException">The file is missing or damaged, the sheet does not exist, or no header is found.</exception>
    public ExcelTabularReader(string path, TabularReadOptions? options = null)
        : this(path, options ?? new TabularReadOptions(), TabularFile.DetectKind(path))
    {
    }

    internal ExcelTabularReader(string path, TabularReadOptions options, TabularFileKind kind)
    {
        _fileName = Path.GetFileName(path);
        var stream = TabularFile.OpenRead(path, bufferSize: 64 * 1024);
        try
        {
            _reader = CreateReader(stream, kind);
            try
            {
                SelectSheet(options.Sheet);
                (_headers, HeaderLine) = ReadHeader(new HeaderMatcher(options.KnownHeaders));
            }
            catch
            {
                _reader.Dispose();
                throw;
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Headers => _headers;

    public long HeaderLine { get; }

    /// <summary>Always null: a workbook carries its own text encoding.</summary>
    public Encoding? Encoding => null;

    /// <summary>The sheet being read.</summary>
    public string SheetName => _reader.Name;

    public double Progress
    {
        get
        {
            if (_finished)
            {
                return 1.0;
            }

            var total = _reader.RowCount;
            return total > 0 ? Math.Min(1.0, (double)_rowNumber / total) : 0.0;
        }
    }

    public bool TryRead(out TabularRow row)
    {
        while (ReadRow())
        {
            if (_cellCount == 0)
            {
                continue;
            }

            var cells = new string[Math.Max(_cellCount, _headers.Length)];
            _cells.AsSpan(0, _cellCount).CopyTo(cells);
            cells.AsSpan(_cellCount).Fill(string.Empty);
            row = new TabularRow(_rowNumber, cells, _cellCount);
            return true;
        }

        _finished = true;
        row = null!;
        return false;
    }

    public void Dispose() => _reader.Dispose();

    private IExcelDataReader CreateReader(Stream stream, TabularFileKind kind)
    {
        TabularEncodings.Register();
        var configuration = new ExcelReaderConfiguration { FallbackEncoding = TabularEncodings.Gb18030 };
        try
        {
            return kind == TabularFileKind.Xls
                ? ExcelReaderFactory.CreateBinaryReader(stream, configuration)
                : ExcelReaderFactory.CreateOpenXmlReader(stream, configuration);
        }
        catch (Exception ex) when (IsWorkbookFailure(ex))
        {
            throw Damaged(ex, rowNumber: null);
        }
    }

    private void SelectSheet(string? sheet)
    {
        if (sheet is null)
        {
            return;
        }

        var wanted = sheet.Trim();
        var names = new List<string>();
        do
        {
            if (string.Equals(_reader.Name?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            names.Add(_reader.Name ?? string.Empty);
        }
        while (Guarded(_reader.NextResult));

        throw new TabularFormatException(
            $"工作簿“{_fileName}”中没有名为“{wanted}”的工作表；现有工作表：{string.Join("、", names.Select(n => $"“{n}”"))}。");
    }

    private (string[] Headers, long Line) ReadHeader(HeaderMatcher matcher)
    {
        var searched = 0;
        while (searched < HeaderMatcher.SearchDepth && ReadRow())
        {
            if (_cellCount == 0)
            {
                continue;
            }

            searched++;
            var cells = _cells.AsSpan(0, _cellCount).ToArray();
            if (matcher.IsHeader(cells))
            {
                return (HeaderMatcher.HeaderCells(cells), _rowNumber);
            }
        }

        throw matcher.NotFound($"工作簿“{_fileName}”的工作表“{_reader.Name}”");
    }

    // Reads the next sheet row into _cells; _cellCount stops at the last non-empty cell (0 for a blank row).
    private bool ReadRow()
    {
        try
        {
            if (!_reader.Read())
            {
                return false;
            }

            _rowNumber++;
            var width = _reader.FieldCount;
            if (_cells.Length < width)
            {
                _cells = new string[Math.Max(width, _cells.Length * 2)];
            }

            _cellCount = 0;
            for (var i = 0; i < width; i++)
            {
                var text = ExcelCellText.Format(_reader.GetValue(i));
                _cells[i] = text;
                if (text.Length > 0)
                {
                    _cellCount = i + 1;
                }
            }

            return true;
        }
        catch (Exception ex) when (IsWorkbookFailure(ex))
        {
            throw Damaged(ex, _rowNumber + 1);
        }
    }

    private bool Guarded(Func<bool> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (IsWorkbookFailure(ex))
        {
            throw Damaged(ex, rowNumber: null);
        }
    }

    private TabularFormatException Damaged(Exception ex, long? rowNumber)
    {
        var where = rowNumber is null ? string.Empty : $"（读到第 {rowNumber} 行时出错）";
        return new TabularFormatException(
            $"Excel 工作簿“{_fileName}”已损坏或不完整（可能被截断），无法读取{where}；请用 Excel 打开确认后重新保存或导出。", ex);
    }

    // ExcelDataReader reports a damaged workbook with whatever its zip, XML or compound-file layer throws.
    private static bool IsWorkbookFailure(Exception ex) =>
        ex is not (TabularFormatException or OutOfMemoryException or StackOverflowException or OperationCanceledException);
}
