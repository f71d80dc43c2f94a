using System.Diagnostics;
using System.Text;

namespace RiskMonitor.Tests.Reports;

/// <summary>Looks inside a PDF with poppler's command-line tools: page count, text layer, and each page as grey pixels.</summary>
public static class PdfProbe
{
    public static int Pages(string pdf)
    {
        var info = Run("pdfinfo", pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The text layer in content order (-raw: the order Chromium drew it), whitespace removed so that wrapped lines still match.</summary>
    public static string Text(string pdf) =>
        new(Run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Renders every page at <paramref name="dpi"/> as 8-bit grey images (PGM) and returns their pixels.</summary>
    public static IReadOnlyList<GreyPage> Render(string pdf, string workDirectory, int dpi = 40)
    {
        var prefix = Path.Combine(workDirectory, "page");
        Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", pdf, prefix);
        return Directory.GetFiles(workDirectory, "page*.pgm").Order(StringComparer.Ordinal).Select(ReadPgm).ToList();
    }

    private static GreyPage ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            return Encoding.ASCII.GetString(bytes, start, position - start);
        }

        Token().Should().Be("P5");
        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Token().Should().Be("255");
        position++;
        return new GreyPage(width, height, bytes.AsSpan(position, width * height).ToArray());
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(120_000).Should().BeTrue($"{tool} should finish");
        process.ExitCode.Should().Be(0, $"{tool} failed: {error.Result}");
        return output;
    }
}

/// <summary>One rendered page: grey levels 0 (black) to 255 (white).</summary>
public sealed record GreyPage(int Width, int Height, byte[] Pixels)
{
    public double Variance
    {
        get
        {
            var mean = Pixels.Average(p => (double)p);
            return Pixels.Average(p => (p - mean) * (p - mean));
        }
    }

    /// <summary>Share of pixels that are not (near) white: ink on the page.</summary>
    public double InkShare => Pixels.Count(p => p < 230) / (double)Pixels.Length;
}
