namespace RiskMonitor.Ingest.Tabular;

/// <summary>The quoting half of the parser: records with at least one quote character before their line break.</summary>
internal sealed partial class CsvRecordParser
{
    // The general case: fields that may be quoted. Returns the position of the record's line break (or the end of the
    // file), or -1 when the decoded text ends first.
    private int ParseFields(ref long breaks)
    {
        var chars = _chars;
        var end = _end;
        var pos = _start;
        while (true)
        {
            var open = pos;
            while (open < end && chars[open] is ' ' or '\t')
            {
                open++;
            }

            if (open < end && chars[open] == '"')
            {
                IsPlain = false;
                pos = ParseQuoted(open + 1, ref breaks);
                if (pos < 0)
                {
                    return -1;
                }
            }
            else
            {
                var length = chars.AsSpan(pos, end - pos).IndexOfAny(FieldEnds);
                if (length < 0)
                {
                    if (!_eof)
                    {
                        return -1;
                    }

                    length = end - pos;
                }

                AddField(chars.AsSpan(pos, length));
                pos += length;
            }

            if (pos == end || chars[pos] != ',')
            {
                return pos;
            }

            pos++;
        }
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
            var hit = chars.AsSpan(p, end - p).IndexOfAny(QuoteOrLineEnds);
            if (hit < 0)
            {
                if (_eof)
                {
                    throw new TabularFormatException(
                        $"第 {_line} 行开始的引号字段直到文件结尾都没有闭合：文件可能被截断（不完整），请重新导出后再导入。");
                }

                return -1;
            }

            p += hit;
            if (chars[p] != '"')
            {
                // A line break inside the quotes: CRLF counts once, at its LF. (A CR cut off from its LF by the end of the
                // decoded text may miscount, but then the closing quote is not in sight either and the record is re-read.)
                if (chars[p] == '\n' || p + 1 == end || chars[p + 1] != '\n')
                {
                    breaks++;
                }

                p++;
                continue;
            }

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

        // Text between the closing quote and the delimiter is not RFC 4180, but exports do it ("a"b): keep it.
        var after = p + 1;
        var trailing = after < end && chars[after] is ',' or '\r' or '\n' ? 0 : chars.AsSpan(after, end - after).IndexOfAny(FieldEnds);
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
}
