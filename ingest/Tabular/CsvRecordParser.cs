using System.Buffers;
using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>
/// Splits decoded CSV text into records (RFC 4180) over a reused character window: the hot loop of every CSV import.
/// </summary>
/// <remarks>
/// The file is decoded block by block into <see cref="_chars"/>; a record is parsed in place and its fields become strings
/// only once cut and trimmed. A record that runs past the decoded text is parsed again after the window is refilled, so
/// the parse needs no state across blocks. The window only grows for a record longer than itself.
/// </remarks>
internal sealed class CsvRecordParser : IDisposable
{
    /// <summary>A record longer than this is taken for a runaway quote rather than buffered whole.</summary>
    public const int MaxRecordChars = 4 * 1024 * 1024;

    private const int ByteBlock = 64 * 1024;
    private const int MinFreeChars = 64;
    private const int NeedMore = 0;
    private const int Parsed = 1;

    private static readonly SearchValues<char> FieldEnds = SearchValues.Create(",\r\n");

    private readonly Stream _stream;
    private readonly Decoder _decoder;
    private readonly byte[] _bytes = new byte[ByteBlock];
    private char[] _chars = new char[2 * ByteBlock];
    private char[] _scratch = new char[256];
    private string[] _fields = new string[32];
    private int _byteStart;
    private int _byteEnd;
    private bool _streamDone;
    private bool _eof;
    private int _start;
    private int _end;
    private int _recordEnd;
    private long _line = 1;

    public CsvRecordParser(Stream stream, Encoding encoding)
    {
        _stream = stream;
        _decoder = encoding.GetDecoder();
    }

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The fields of the last record, trimmed; valid until the next call.</summary>
    public ReadOnlySpan<string> Fields => _fields.AsSpan(0, FieldCount);

    public int FieldCount { get; private set; }

    /// <summary>The physical line (1-based) the last record started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The last record's text as it stood in the file, without its line break.</summary>
    public string RawText { get; private set; } = "";

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

            var recordStart = _start;
            if (ParseRecord() == Parsed)
            {
                RawText = new string(_chars, recordStart, _recordEnd - recordStart);
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

    public void Dispose() => _stream.Dispose();

    private int ParseRecord()
    {
        var chars = _chars;
        var end = _end;
        var pos = _start;
        var breaks = 0L;
        FieldCount = 0;
        while (true)
        {
            var open = pos;
            while (open < end && chars[open] is ' ' or '\t')
            {
                open++;
            }

            if (open < end && chars[open] == '"')
            {
                pos = ParseQuoted(open + 1, ref breaks);
                if (pos < 0)
                {
                    return NeedMore;
                }
            }
            else
            {
                var length = chars.AsSpan(pos, end - pos).IndexOfAny(FieldEnds);
                if (length < 0)
                {
                    if (!_eof)
                    {
                        return NeedMore;
                    }

                    length = end - pos;
                }

                AddField(chars.AsSpan(pos, length));
                pos += length;
            }

            if (pos == end)
            {
                _recordEnd = end;
                break;
            }

            var c = chars[pos];
            if (c == ',')
            {
                pos++;
                continue;
            }

            _recordEnd = pos;
            if (c == '\r' && pos + 1 == end && !_eof)
            {
                return NeedMore;
            }

            pos += c == '\r' && pos + 1 < end && chars[pos + 1] == '\n' ? 2 : 1;
            breaks++;
            break;
        }

        RecordLine = _line;
        _line += breaks;
        _start = pos;
        return Parsed;
    }

    // Returns the position after the field (at its delimiter), or -1 when the decoded text ends first.
    private int ParseQuoted(int contentStart, ref long breaks)
    {
        var chars = _chars;
        var end = _end;
        var p = contentStart;
        var escaped = false;
        while (true)
        {
            var quote = chars.AsSpan(p, end - p).IndexOf('"');
            if (quote < 0)
            {
                if (_eof)
                {
                    throw new TabularFormatException(
                        $"第 {_line} 行开始的引号字段直到文件结尾都没有闭合：文件可能被截断（不完整），请重新导出后再导入。");
                }

                return -1;
            }

            p += quote;
            if (p + 1 == end && !_eof)
            {
                return -1;
            }

            if (p + 1 < end && chars[p + 1] == '"')
            {
                escaped = true;
                p += 2;
                continue;
            }

            break;
        }

        var content = chars.AsSpan(contentStart, p - contentStart);
        breaks += CountLineBreaks(content);

        // Text between the closing quote and the delimiter is not RFC 4180, but exports do it ("a"b): keep it.
        var after = p + 1;
        var trailing = chars.AsSpan(after, end - after).IndexOfAny(FieldEnds);
        if (trailing < 0)
        {
            if (!_eof)
            {
                return -1;
            }

            trailing = end - after;
        }

        var tail = chars.AsSpan(after, trailing);
        if (!escaped && tail.IsWhiteSpace())
        {
            AddField(content);
        }
        else
        {
            AddField(Unescape(content, tail));
        }

        return after + trailing;
    }

    private ReadOnlySpan<char> Unescape(ReadOnlySpan<char> content, ReadOnlySpan<char> tail)
    {
        if (_scratch.Length < content.Length + tail.Length)
        {
            _scratch = new char[Math.Max(_scratch.Length * 2, content.Length + tail.Length)];
        }

        var length = 0;
        for (var i = 0; i < content.Length; i++)
        {
            _scratch[length++] = content[i];
            if (content[i] == '"')
            {
                i++;
            }
        }

        tail.CopyTo(_scratch.AsSpan(length));
        return _scratch.AsSpan(0, length + tail.Length);
    }

    private static long CountLineBreaks(ReadOnlySpan<char> text)
    {
        long count = text.Count('\n');
        if (text.Contains('\r'))
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private void AddField(ReadOnlySpan<char> raw)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        var trimmed = raw.Trim();
        _fields[FieldCount++] = trimmed.IsEmpty ? string.Empty : new string(trimmed);
    }

    // Moves the unparsed tail to the front of the window and decodes at least one more character (or reaches the end).
    private void Fill()
    {
        if (_start > 0)
        {
            _chars.AsSpan(_start, _end - _start).CopyTo(_chars);
            _end -= _start;
            _start = 0;
        }

        if (_chars.Length - _end < MinFreeChars)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        while (true)
        {
            if (_byteStart == _byteEnd && !_streamDone)
            {
                _byteStart = 0;
                _byteEnd = _stream.Read(_bytes, 0, _bytes.Length);
                BytesRead += _byteEnd;
                _streamDone = _byteEnd == 0;
            }

            _decoder.Convert(
                _bytes, _byteStart, _byteEnd - _byteStart, _chars, _end, _chars.Length - _end, _streamDone,
                out var bytesUsed, out var charsUsed, out var completed);
            _byteStart += bytesUsed;
            _end += charsUsed;
            if (_streamDone && completed)
            {
                _eof = true;
                return;
            }

            if (charsUsed > 0)
            {
                return;
            }
        }
    }
}
