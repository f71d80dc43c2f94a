using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>Reads a CSV file (RFC 4180; UTF-8 or GB18030/GBK) one row at a time, below any title rows.</summary>
/// <remarks>
/// Memory stays flat however long the file: only a window of decoded text and the current row are held.
/// Large files are decoded on a second thread while the caller's thread splits the records.
/// Rows shorter than the header are padded with empty cells; longer rows keep their extra cells for the ingest to quarantine.
/// </remarks>
public sealed class CsvTabularReader : ITabularReader
{
    /// <summary>Files from this size on are decoded on a second thread while rows are parsed.</summary>
    public const long BackgroundDecodingThreshold = 4 * 1024 * 1024;

    private readonly CsvRecordParser _parser;
    private readonly long _length;
    private readonly string[] _headers;
    private bool _finished;

    /// <summary>Opens a CSV file and reads up to its header row.</summary>
    /// <exception cref="TabularFormatException">The file is missing, empty, truncated, or has no recognisable header.</exception>
    public CsvTabularReader(string path, TabularReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new TabularReadOptions();
        var stream = TabularFile.OpenRead(path);
        IDisposable owner = stream;
        try
        {
            _length = stream.Length;
            if (_length == 0)
            {
                throw new TabularFormatException($"文件“{Path.GetFileName(path)}”是空文件（0 字节），没有可导入的内容。");
            }

            var given = options.Encoding is null ? null : TabularEncodings.Resolve(options.Encoding);
            Encoding = DetectEncoding(stream, given);
            ICharSource source = new DecodingCharSource(stream, Encoding);
            _parser = new CsvRecordParser(_length >= BackgroundDecodingThreshold ? new BackgroundCharSource(source) : source);
            owner = _parser;
            (_headers, HeaderLine) = ReadHeader(new HeaderMatcher(options.KnownHeaders), $"文件“{Path.GetFileName(path)}”");
        }
        catch
        {
            // Disposing the parser also stops a background decoder before it closes the stream.
            owner.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> Headers => _headers;

    public long HeaderLine { get; }

    public Encoding Encoding { get; }

    public double Progress => _finished ? 1.0 : Math.Min(1.0, (double)_parser.BytesRead / _length);

    public bool TryRead(out TabularRow row)
    {
        while (_parser.TryReadRecord())
        {
            if (!_parser.IsBlank)
            {
                row = CurrentRow();
                return true;
            }
        }

        _finished = true;
        row = null!;
        return false;
    }

    public void Dispose() => _parser.Dispose();

    private static Encoding DetectEncoding(FileStream stream, Encoding? given)
    {
        var sample = new byte[(int)Math.Min(stream.Length, TabularEncodings.SampleBytes)];
        stream.ReadExactly(sample);
        var encoding = TabularEncodings.Detect(sample, sample.Length == stream.Length, given, out var preamble);
        stream.Position = preamble;
        return encoding;
    }

    private (string[] Headers, long Line) ReadHeader(HeaderMatcher matcher, string source)
    {
        var searched = 0;
        while (searched < HeaderMatcher.SearchDepth && _parser.TryReadRecord())
        {
            if (_parser.IsBlank)
            {
                continue;
            }

            searched++;
            var cells = _parser.Fields.ToArray();
            if (matcher.IsHeader(cells))
            {
                return (HeaderMatcher.HeaderCells(cells), _parser.RecordLine);
            }
        }

        throw matcher.NotFound(source);
    }

    private TabularRow CurrentRow()
    {
        var fields = _parser.Fields;
        var cells = new string[Math.Max(fields.Length, _headers.Length)];
        fields.CopyTo(cells);
        cells.AsSpan(fields.Length).Fill(string.Empty);
        return _parser.IsPlain
            ? new TabularRow(_parser.RecordLine, cells, fields.Length)
            : new TabularRow(_parser.RecordLine, cells, _parser.RawText);
    }
}
