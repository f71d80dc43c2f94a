using System.Globalization;
using System.Text;
using RiskMonitor.Core;

namespace RiskMonitor.Analytics.Detection;

/// <summary>Runs a detector over a CSV of counts for analysts: <c>period,count</c> in, <c>period,count,expected,threshold,alarm</c> out.</summary>
/// <remarks>
/// Input: a header naming the columns <c>period</c> and <c>count</c> (any order, case-insensitive, other columns ignored), then
/// one row per period in time order; blank lines are skipped and fields may be double-quoted. Counts are non-negative integers.
/// Output: expected and threshold in invariant culture with at most 4 decimals, empty when the period lacks history;
/// alarm <c>true</c> or <c>false</c>.
/// </remarks>
public static class DetectionCsv
{
    /// <summary>The output header.</summary>
    public const string OutputHeader = "period,count,expected,threshold,alarm";

    /// <summary>Reads counts from <paramref name="input"/>, runs the chosen detector and writes one row per period.</summary>
    /// <exception cref="RiskMonitorException">The input is malformed (the message names the line) or the options are unusable.</exception>
    public static IReadOnlyList<DetectionResult> Run(TextReader input, TextWriter output, DetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var detector = DetectorFactory.Create(options);
        var series = Read(input, options.Frequency);
        var results = detector.Detect(series);
        Write(output, results);
        return results;
    }

    /// <summary>Parses the input into a series; the frequency is <paramref name="frequency"/> or inferred from the labels.</summary>
    public static CountSeries Read(TextReader input, int? frequency = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (periods, counts, seen) = (new List<string>(), new List<long>(), new HashSet<string>(StringComparer.Ordinal));
        int? periodColumn = null, countColumn = null;
        var number = 0;
        while (input.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(line.TrimStart('\uFEFF'), number);
            if (periodColumn is null || countColumn is null)
            {
                periodColumn = ColumnOf(fields, "period", number);
                countColumn = ColumnOf(fields, "count", number);
                continue;
            }

            var period = Field(fields, periodColumn.Value, "period", number);
            if (period.Length == 0 || !seen.Add(period))
            {
                throw new RiskMonitorException(period.Length == 0 ? $"第 {number} 行：期间为空。" : $"第 {number} 行：期间“{period}”重复。");
            }

            var text = Field(fields, countColumn.Value, "count", number);
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new RiskMonitorException($"第 {number} 行：计数“{text}”不是非负整数。");
            }

            periods.Add(period);
            counts.Add(count);
        }

        if (periodColumn is null)
        {
            throw new RiskMonitorException("输入为空：第一行应为表头 period,count。");
        }

        return new CountSeries(periods, counts, frequency ?? PeriodFrequency.Infer(periods));
    }

    /// <summary>Writes <see cref="OutputHeader"/> and one row per result.</summary>
    public static void Write(TextWriter output, IEnumerable<DetectionResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        output.WriteLine(OutputHeader);
        foreach (var r in results)
        {
            output.WriteLine(string.Join(',', Quote(r.Period), r.Count.ToString(CultureInfo.InvariantCulture),
                Format(r.Expected), Format(r.Threshold), r.Alarm ? "true" : "false"));
        }
    }

    private static string Format(double? value)
    {
        if (value is not { } v)
        {
            return string.Empty;
        }

        var text = Math.Round(v, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static int ColumnOf(List<string> header, string name, int line)
    {
        var index = header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new RiskMonitorException($"第 {line} 行：表头缺少“{name}”列（应为 period,count）。");
    }

    private static string Field(List<string> fields, int column, string name, int line) =>
        column < fields.Count ? fields[column] : throw new RiskMonitorException($"第 {line} 行：缺少“{name}”列的值。");

    /// <summary>Splits one CSV line; fields are trimmed and may be double-quoted with "" for a quote.</summary>
    private static List<string> Split(string line, int number)
    {
        var (fields, field) = (new List<string>(), new StringBuilder());
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new RiskMonitorException($"第 {number} 行：引号未闭合。");
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
