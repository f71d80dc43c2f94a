using System.Buffers;
using System.Runtime.CompilerServices;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>
/// Splits decoded CSV text into records (RFC 4180) over a reused character window: the hot loop of every CSV import.
/// </summary>
/// <remarks>
/// The file is decoded block by block into <see cref="_chars"/>; a record is parsed in place and its fields become strings
/// only once cut and trimmed. A record that runs past the decoded text is parsed again after the window is refilled, so
/// the parse needs no state across blocks. The window only grows for a record longer than itself.
/// </remarks>
internal sealed partial class CsvRecordParser : IDisposable
{
    /// <summary>A record longer than this is taken for a runaway quote rather than buffered whole.</summary>
    public const int MaxRecordChars = 4 * 1024 * 1024;

    private const int MinFreeChars = 64;
    private const int NeedMore = 0;
    private const int Parsed = 1;

    private static readonly SearchValues<char> FieldEnds = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> QuoteOrLineEnds = SearchValues.Create("\"\r\n");

    private readonly ICharSource _source;
    private char[] _chars = new char[128 * 1024];
    private char[] _scratch = new char[256];
    private string[] _fields = new string[32];
    private bool _eof;
    private int _start;
    private int _end;
    private int _recordStart;
    private int _recordEnd;
    private long _line = 1;

    public CsvRecordParser(ICharSource source) => _source = source;

    /// <summary>Bytes of the file decoded so far.</summary>
    public long BytesRead => _source.BytesRead;

    /// <summary>The fields of the last record, trimmed; valid until the next call.</summary>
    public ReadOnlySpan<string> Fields => _fields.AsSpan(0, FieldCount);

    public int FieldCount { get; private set; }

    /// <summary>The physical line (1-based) the last record started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Whether every field of the last record is empty (a blank line, or a row of bare commas).</summary>
    public bool IsBlank
    {
        get
        {
            foreach (var cell in Fields)
            {
                if (cell.Length > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Whether the last record's text is exactly its fields joined with commas (no quotes, nothing trimmed), so
    /// <see cref="RawText"/> need not be kept.
    /// </summary>
    public bool IsPlain { get; private set; }

    /// <summary>The last record's text as it stood in the file, without its line break; valid until the next call.</summary>
    public string RawText => new(_chars, _recordStart, _recordEnd - _recordStart);

    /// <summary>Reads the next record; false at the end of the file.</summary>
    /// <exception cref="TabularFormatException">A quoted field is not closed before the end of the file.</exception>
    public bool TryReadRecord()
    {
        while (true)
        {
            if (_start >= _end)
            {
                if (_eof)
                {
                    return false;
                }

                Fill();
                continue;
            }

            if (ParseRecord() == Parsed)
            {
                return true;
            }

            if (_end - _start >= MaxRecordChars)
            {
                throw new TabularFormatException(
                    $"第 {_line} 行起的一条记录超过 {MaxRecordChars} 个字符仍未结束，可能是引号不配对，文件无法读取。");
            }

            Fill();
        }
    }

    public void Dispose() => _source.Dispose();

    private int ParseRecord()
    {
        var chars = _chars;
        var end = _end;
        var pos = _start;
        var breaks = 0L;
        FieldCount = 0;
        IsPlain = true;

        // Most records hold no quote: split them at commas without the quoting state machine.
        var stop = chars.AsSpan(pos, end - pos).IndexOfAny(QuoteOrLineEnds);
        if (stop < 0 && !_eof)
        {
            return NeedMore;
        }

        if (stop < 0 || chars[pos + stop] != '"')
        {
            pos = stop < 0 ? end : pos + stop;
            SplitAtCommas(chars.AsSpan(_start, pos - _start));
        }
        else
        {
            pos = ParseFields(ref breaks);
            if (pos < 0)
            {
                return NeedMore;
            }
        }

        // pos is at the record's line break, or at the end of the file.
        var recordEnd = pos;
        if (pos < end)
        {
            var crlf = chars[pos] == '\r';
            if (crlf && pos + 1 == end && !_eof)
            {
                return NeedMore;
            }

            pos += crlf && pos + 1 < end && chars[pos + 1] == '\n' ? 2 : 1;
            breaks++;
        }

        (_recordStart, _recordEnd) = (_start, recordEnd);
        RecordLine = _line;
        _line += breaks;
        _start = pos;
        return Parsed;
    }

    private void SplitAtCommas(ReadOnlySpan<char> line)
    {
        while (true)
        {
            var comma = line.IndexOf(',');
            if (comma < 0)
            {
                AddField(line);
                return;
            }

            AddField(line[..comma]);
            line = line[(comma + 1)..];
        }
    }

    private void AddField(ReadOnlySpan<char> raw)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        int start = 0, end = raw.Length;
        while (start < end && IsWhiteSpace(raw[start]))
        {
            start++;
        }

        while (end > start && IsWhiteSpace(raw[end - 1]))
        {
            end--;
        }

        IsPlain &= start == 0 && end == raw.Length;
        _fields[FieldCount++] = start == end ? string.Empty : new string(raw[start..end]);
    }

    // char.IsWhiteSpace, with the common cases (ASCII, CJK) decided without the Unicode category table.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhiteSpace(char c) =>
        c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') : c <= '\u3000' && char.IsWhiteSpace(c);

    // Moves the unparsed tail to the front of the window and appends at least one more character (or reaches the end).
    private void Fill()
    {
        if (_start > 0)
        {
            _chars.AsSpan(_start, _end - _start).CopyTo(_chars);
            _end -= _start;
            _start = 0;
        }

        // Grow rather than refill a window the pending record nearly fills: each refill re-parses that record.
        if (_chars.Length - _end < Math.Max(MinFreeChars, _chars.Length / 4))
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        var read = _source.Read(_chars.AsSpan(_end));
        _end += read;
        _eof = read == 0;
    }
}
