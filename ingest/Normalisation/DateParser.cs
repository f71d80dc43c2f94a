using System.Globalization;

namespace RiskMonitor.Ingest.Normalisation;

/// <summary>
/// Reads dates in every form the bureau's exports use: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305 and Excel
/// serial numbers, each with or without a time (14:02, 14:02:11, 14时02分); months as 2026-03, 2026/3, 2026年3月, 202603.
/// </summary>
public static class DateParser
{
    // Excel serials for 1954-10-03 .. 2119-06-27: wide enough for any real record, narrow enough not to take a plain count.
    private const double MinExcelSerial = 20000;
    private const double MaxExcelSerial = 80000;
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Parses a date with optional time; false for text that is not a date or names an impossible one (2026-02-30).</summary>
    public static bool TryParseDateTime(string? text, out DateTime value)
    {
        value = default;
        var t = (text ?? string.Empty).Trim();
        if (t.Length == 0)
        {
            return false;
        }

        if (IsExcelSerial(t, out var serial))
        {
            // A serial's fraction of a day is binary floating point (14:02 is 0.58472222…): round to the nearest second.
            var seconds = Math.Round((serial - Math.Floor(serial)) * 86_400, MidpointRounding.AwayFromZero);
            value = ExcelEpoch.AddDays(Math.Floor(serial)).AddSeconds(seconds);
            return true;
        }

        var span = t.AsSpan();
        if (!TryReadDate(ref span, out var date))
        {
            return false;
        }

        span = span.TrimStart();
        if (span.Length == 0)
        {
            value = date.ToDateTime(TimeOnly.MinValue);
            return true;
        }

        if (span[0] == 'T')
        {
            span = span[1..];
        }

        if (!TryReadTime(span, out var time))
        {
            return false;
        }

        value = date.ToDateTime(time);
        return true;
    }

    public static bool TryParseDate(string? text, out DateOnly value)
    {
        var ok = TryParseDateTime(text, out var dt);
        value = ok ? DateOnly.FromDateTime(dt) : default;
        return ok;
    }

    /// <summary>Parses a month (first day returned); a full date is accepted and reduced to its month.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        var t = (text ?? string.Empty).Trim();
        if (TryParseDateTime(t, out var full) && t.Length > 7)
        {
            month = new DateOnly(full.Year, full.Month, 1);
            return true;
        }

        t = t.TrimEnd('月', '份');
        int year, m;
        if (t.Length == 6 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var compact))
        {
            (year, m) = (compact / 100, compact % 100);
        }
        else
        {
            var parts = t.Split(['-', '/', '.', '年'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out m))
            {
                return false;
            }
        }

        if (year is < 1900 or > 2200 || m is < 1 or > 12)
        {
            return false;
        }

        month = new DateOnly(year, m, 1);
        return true;
    }

    private static bool TryReadDate(ref ReadOnlySpan<char> span, out DateOnly date)
    {
        date = default;
        if (span.Length >= 8 && IsDigits(span[..8]) && (span.Length == 8 || !char.IsDigit(span[8])))
        {
            var ok = Make(Int(span[..4]), Int(span[4..6]), Int(span[6..8]), out date);
            span = span[8..];
            return ok;
        }

        if (!TryNumber(ref span, out var year) || span.Length == 0 || !IsDateSeparator(span[0]))
        {
            return false;
        }

        var chinese = span[0] == '年';
        span = span[1..];
        if (!TryNumber(ref span, out var month) || span.Length == 0 || (chinese ? span[0] != '月' : !IsDateSeparator(span[0])))
        {
            return false;
        }

        span = span[1..];
        if (!TryNumber(ref span, out var day))
        {
            return false;
        }

        if (span.Length > 0 && (span[0] == '日' || span[0] == '号'))
        {
            span = span[1..];
        }

        return Make(year, month, day, out date);
    }

    private static bool TryReadTime(ReadOnlySpan<char> span, out TimeOnly time)
    {
        time = default;
        int hour, minute = 0, second = 0;
        if (!TryNumber(ref span, out hour))
        {
            return false;
        }

        if (span.Length > 0 && (span[0] == ':' || span[0] == '时' || span[0] == '点'))
        {
            span = span[1..];
            if (!TryNumber(ref span, out minute))
            {
                return false;
            }

            if (span.Length > 0 && (span[0] == ':' || span[0] == '分'))
            {
                span = span[1..];
                if (span.Length > 0 && !TryNumber(ref span, out second))
                {
                    return false;
                }

                if (span.Length > 0 && span[0] == '.')
                {
                    span = span[1..];
                    TryNumber(ref span, out _);
                }
            }
        }

        span = span.TrimStart('秒').Trim();
        if (span.Length > 0 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute, second);
        return true;
    }

    private static bool Make(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryNumber(ref ReadOnlySpan<char> span, out int value)
    {
        var length = 0;
        while (length < span.Length && length < 9 && char.IsAsciiDigit(span[length]))
        {
            length++;
        }

        value = length == 0 ? 0 : Int(span[..length]);
        span = span[length..];
        return length > 0;
    }

    private static int Int(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A plain decimal (digits, at most one point) in the range of real record dates, however long its fraction.</summary>
    private static bool IsExcelSerial(string text, out double serial)
    {
        serial = 0;
        var point = text.IndexOf('.', StringComparison.Ordinal);
        ReadOnlySpan<char> whole = point < 0 ? text : text.AsSpan(0, point);
        ReadOnlySpan<char> fraction = point < 0 ? [] : text.AsSpan(point + 1);
        return whole.Length == 5 && IsDigits(whole) && IsDigits(fraction)
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out serial)
            && serial is >= MinExcelSerial and < MaxExcelSerial;
    }

    private static bool IsDateSeparator(char c) => c is '-' or '/' or '.' or '年';
}
