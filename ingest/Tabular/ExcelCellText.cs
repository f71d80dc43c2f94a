using System.Globalization;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>Turns an Excel cell value into the text a CSV export of it would hold.</summary>
public static class ExcelCellText
{
    // Doubles beyond decimal's range are rare in regulatory data; this keeps them free of an exponent all the same.
    private static readonly string PlainDigits = "0." + new string('#', 340);

    /// <summary>
    /// The cell as text: dates as <c>yyyy-MM-dd</c> (with <c> HH:mm:ss</c> when they carry a time), numbers in invariant
    /// culture without exponent or a trailing <c>.0</c>, booleans as 是/否, empty cells as "", strings trimmed.
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null or DBNull => string.Empty,
        string text => text.Trim(),
        double number => FormatNumber(number),
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "是" : "否",
        TimeSpan time => time.ToString(time.Days == 0 ? @"hh\:mm\:ss" : @"d\.hh\:mm\:ss", CultureInfo.InvariantCulture),
        float number => FormatNumber(number),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        IConvertible other => other.ToString(CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    /// <summary>A number as Excel shows it at 15 significant digits, in invariant culture, never with an exponent.</summary>
    public static string FormatNumber(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(number);
        if (magnitude == 0)
        {
            return "0";
        }

        // decimal keeps 15 significant digits, Excel's own precision, and prints no exponent and no trailing zeros.
        return magnitude is >= 1e-20 and < 1e28
            ? ((decimal)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString(PlainDigits, CultureInfo.InvariantCulture);
    }
}
