using System.Text;

namespace RiskMonitor.Ingest.Tabular;

/// <summary>Text encodings of the bureau's CSV exports: resolving a given name and detecting one from the bytes.</summary>
/// <remarks>
/// GBK and GB2312 are read as GB18030, their superset: exports labelled GBK routinely carry characters only GB18030 encodes,
/// and for the characters they share the three decode alike.
/// </remarks>
public static class TabularEncodings
{
    /// <summary>How many leading bytes detection examines when there is no byte order mark.</summary>
    public const int SampleBytes = 1 << 20;

    private static readonly Lazy<Encoding> LazyGb18030 = new(() =>
    {
        Register();
        return Encoding.GetEncoding(54936);
    });

    /// <summary>UTF-8 without a preamble; invalid bytes decode as U+FFFD.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>GB18030 (code page 54936).</summary>
    public static Encoding Gb18030 => LazyGb18030.Value;

    /// <summary>Makes the legacy code pages (GB18030, GBK, the code pages of .xls files) available; idempotent.</summary>
    public static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Resolves an encoding name given by the user.</summary>
    /// <exception cref="TabularFormatException">The name is not an encoding this machine knows.</exception>
    public static Encoding Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        switch (name.Trim().ToUpperInvariant())
        {
            case "UTF-8" or "UTF8":
                return Utf8;
            case "GB18030" or "GBK" or "GB2312" or "CP936" or "936" or "54936":
                return Gb18030;
        }

        Register();
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException ex)
        {
            throw new TabularFormatException($"不支持的文本编码“{name}”，请使用 utf-8、gb18030 或 gbk。", ex);
        }
    }

    /// <summary>
    /// Chooses the encoding of a file: its byte order mark if it has one, else UTF-8 when the sample is strictly valid
    /// UTF-8, else GB18030. A given encoding is used unless a byte order mark says otherwise.
    /// </summary>
    /// <param name="sample">The file's first bytes (up to <see cref="SampleBytes"/>).</param>
    /// <param name="isWholeFile">Whether the sample is the whole file (so a multi-byte sequence cut at its end is an error, not a cut).</param>
    /// <param name="given">The encoding the user asked for, or null to detect.</param>
    /// <param name="preambleLength">How many bytes of byte order mark to skip.</param>
    public static Encoding Detect(ReadOnlySpan<byte> sample, bool isWholeFile, Encoding? given, out int preambleLength)
    {
        var fromMark = FromByteOrderMark(sample, out preambleLength);
        if (fromMark is not null)
        {
            return fromMark;
        }

        if (given is not null)
        {
            return given;
        }

        var complete = isWholeFile ? sample : sample[..CompleteSequencesLength(sample)];
        return System.Text.Unicode.Utf8.IsValid(complete) ? Utf8 : Gb18030;
    }

    private static Encoding? FromByteOrderMark(ReadOnlySpan<byte> sample, out int length)
    {
        (var encoding, length) = sample switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Utf8, 3),
            [0x84, 0x31, 0x95, 0x33, ..] => (Gb18030, 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }

    // The sample ends wherever the read stopped, possibly inside a multi-byte character: leave that character out.
    private static int CompleteSequencesLength(ReadOnlySpan<byte> sample)
    {
        var i = sample.Length - 1;
        var continuations = 0;
        while (i >= 0 && continuations < 3 && (sample[i] & 0xC0) == 0x80)
        {
            i--;
            continuations++;
        }

        if (i < 0)
        {
            return sample.Length;
        }

        var lead = sample[i];
        var needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return sample.Length - i < needed ? i : sample.Length;
    }
}
