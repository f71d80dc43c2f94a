using System.Security.Cryptography;
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
    private readonly HMACSHA256 _hmac;

    public PersonalData(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("the complainant hash key must be at least 16 bytes", nameof(key));
        }

        _hmac = new HMACSHA256(key);
    }

    /// <summary>A stable pseudonym for a person: the keyed hash of their normalised phone (or name when there is no phone).</summary>
    /// <remarks>Called for every complaint: the hashed text is assembled on the stack, the HMAC instance reused.</remarks>
    public string? ComplainantKey(string? name, string? phone)
    {
        Span<char> digits = stackalloc char[MaxPhoneDigits];
        var count = PhoneDigits(phone, digits);
        if (count < 0)
        {
            return Hash("tel:" + Digits(phone));
        }

        if (count >= 7)
        {
            Span<byte> basis = stackalloc byte[4 + MaxPhoneDigits];
            "tel:"u8.CopyTo(basis);
            for (var i = 0; i < count; i++)
            {
                basis[4 + i] = (byte)digits[i];
            }

            return Hash(basis[..(4 + count)]);
        }

        var trimmed = name.AsSpan().Trim();
        return trimmed.IsEmpty ? null : Hash(string.Concat("name:", trimmed));
    }

    private string Hash(string basis) => Hash(Encoding.UTF8.GetBytes(basis));

    private string Hash(ReadOnlySpan<byte> basis)
    {
        Span<byte> hash = stackalloc byte[32];
        _hmac.TryComputeHash(basis, hash, out _);
        return Convert.ToHexStringLower(hash[..16]);
    }

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
