using System.Text;
using System.Text.RegularExpressions;

namespace RiskMonitor.Ingest.Normalisation;

/// <summary>
/// Complainants' names and phone numbers never reach the warehouse in clear: a keyed hash (HMAC-SHA256, key from
/// configuration) links repeat complainants, and a masked form (张*, 138****5678) is kept for display. Phone and ID numbers
/// written inside complaint text are masked as well.
/// </summary>
public sealed partial class PersonalData : IDisposable
{
    private readonly HmacSha256Pads _hmac;

    public PersonalData(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("the complainant hash key must be at least 16 bytes", nameof(key));
        }

        _hmac = new HmacSha256Pads(key);
    }

    /// <summary>A stable pseudonym for a person: the keyed hash of their normalised phone (or name when there is no phone).</summary>
    /// <remarks>The hashed text is assembled on the stack, and the HMAC's key pads were compressed once (see
    /// <see cref="HmacSha256Pads"/>); a load hashes a whole chunk of complainants at once through <see cref="ComplainantKeyBatch"/>.</remarks>
    public string? ComplainantKey(string? name, string? phone)
    {
        var max = MaxKeyBasisBytes(name, phone);
        Span<byte> basis = max <= 256 ? stackalloc byte[256] : new byte[max];
        var length = KeyBasis(name, phone, basis);
        if (length == 0)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[HmacSha256Pads.HashBytes];
        _hmac.Compute(basis[..length], hash);
        return Convert.ToHexStringLower(hash[..KeyBytes]);
    }

    /// <summary>How many bytes of the hash make the key (written as twice as many hex digits).</summary>
    internal const int KeyBytes = 16;

    /// <summary>Room <see cref="KeyBasis"/> may need for these values.</summary>
    internal static int MaxKeyBasisBytes(string? name, string? phone) =>
        "name:".Length + Encoding.UTF8.GetMaxByteCount(name?.Length ?? 0) + "tel:".Length + Math.Max(MaxPhoneDigits, phone?.Length ?? 0);

    /// <summary>
    /// Writes the UTF-8 text whose keyed hash identifies the complainant and returns its length, 0 when there is none:
    /// "tel:" and the phone's digits (without +86) when it has at least seven, else "name:" and the trimmed name.
    /// </summary>
    internal static int KeyBasis(string? name, string? phone, Span<byte> basis)
    {
        Span<char> digits = stackalloc char[MaxPhoneDigits];
        var count = PhoneDigits(phone, digits);
        if (count < 0)
        {
            // More digits than a phone has: all of them, as the text to hash.
            "tel:"u8.CopyTo(basis);
            return "tel:".Length + Encoding.UTF8.GetBytes(Digits(phone), basis["tel:".Length..]);
        }

        if (count >= 7)
        {
            "tel:"u8.CopyTo(basis);
            for (var i = 0; i < count; i++)
            {
                basis["tel:".Length + i] = (byte)digits[i];
            }

            return "tel:".Length + count;
        }

        var trimmed = name.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return 0;
        }

        "name:"u8.CopyTo(basis);
        return "name:".Length + Encoding.UTF8.GetBytes(trimmed, basis["name:".Length..]);
    }

    /// <summary>HMACs of many key texts at once (see <see cref="HmacSha256Pads.ComputeMany"/>).</summary>
    internal void HashMany(ReadOnlySpan<byte> data, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, Span<byte> hashes) =>
        _hmac.ComputeMany(data, starts, lengths, hashes);

    /// <summary>张伟 → 张*, 欧阳娜娜 → 欧***; a single character stays masked entirely.</summary>
    public static string? MaskName(string? name)
    {
        var t = name.AsSpan().Trim();
        if (t.IsEmpty)
        {
            return null;
        }

        var first = char.IsHighSurrogate(t[0]) && t.Length > 1 ? 2 : 1;
        var rest = 0;
        foreach (var c in t[first..])
        {
            rest += char.IsLowSurrogate(c) ? 0 : 1;
        }

        return rest == 0 ? "*" : string.Concat(t[..first], new string('*', rest));
    }

    /// <summary>13812345678 → 138****5678; landlines keep area code and last 2 digits; anything else is masked whole.</summary>
    public static string? MaskPhone(string? phone)
    {
        Span<char> buffer = stackalloc char[MaxPhoneDigits];
        var count = PhoneDigits(phone, buffer);
        ReadOnlySpan<char> digits = count < 0 ? Digits(phone) : buffer[..count];
        if (digits.IsEmpty)
        {
            return null;
        }

        if (digits.Length == 11 && digits[0] == '1')
        {
            return string.Concat(digits[..3], "****", digits[7..]);
        }

        return digits.Length > 6
            ? string.Concat(digits[..3], new string('*', digits.Length - 5), digits[^2..])
            : new string('*', digits.Length);
    }

    /// <summary>Masks mobile numbers (also +86 and 138-1234-5678 forms), landlines and 18-digit ID numbers inside free text.</summary>
    public static string MaskText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasDigits(text, 7))
        {
            return text;
        }

        var masked = IdNumber().Replace(text, m => m.Value[..6] + "********" + m.Value[^4..]);
        masked = Mobile().Replace(masked, m => m.Groups["cc"].Value + m.Groups["head"].Value + m.Groups["s1"].Value + "****" + m.Groups["s2"].Value + m.Groups["tail"].Value);
        return Landline().Replace(masked, m => m.Groups["area"].Value + m.Groups["sep"].Value + new string('*', m.Groups["num"].Length - 2) + m.Groups["num"].Value[^2..]);
    }

    /// <summary>Whether the text holds at least <paramref name="count"/> ASCII digits: cheaper than running the patterns.</summary>
    private static bool HasDigits(string text, int count)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOfAnyInRange('0', '9'); at >= 0; at = span.IndexOfAnyInRange('0', '9'))
        {
            if (--count == 0)
            {
                return true;
            }

            span = span[(at + 1)..];
        }

        return false;
    }

    private const int MaxPhoneDigits = 32;

    private static string Digits(string? text) => new((text ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// Writes a phone's digits into <paramref name="digits"/>, without the country code 86 (+86, 0086) before a mobile
    /// number, and returns how many; -1 when there are more digits than fit (no phone, but still text to hash).
    /// </summary>
    private static int PhoneDigits(string? phone, Span<char> digits)
    {
        var count = 0;
        foreach (var c in phone.AsSpan())
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return -1;
                }

                digits[count++] = c;
            }
        }

        var skip = count switch
        {
            13 when digits.StartsWith("861") => 2,
            15 when digits.StartsWith("00861") => 4,
            _ => 0,
        };
        if (skip > 0)
        {
            digits[skip..count].CopyTo(digits);
        }

        return count - skip;
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dXx])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)(?<cc>(?:\+|00)?86[- ]?)?(?<head>1[3-9]\d)(?<s1>[- ]?)\d{4}(?<s2>[- ]?)(?<tail>\d{4})(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)(?<area>\(?0\d{2,3}\)?)(?<sep>[- ]?)(?<num>\d{7,8})(?!\d)")]
    private static partial Regex Landline();

    public void Dispose() => _hmac.Dispose();
}
