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
    public string? ComplainantKey(string? name, string? phone)
    {
        var digits = Digits(phone);
        var basis = digits.Length >= 7 ? "tel:" + digits : string.IsNullOrWhiteSpace(name) ? null : "name:" + name.Trim();
        if (basis is null)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[32];
        _hmac.TryComputeHash(Encoding.UTF8.GetBytes(basis), hash, out _);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>张伟 → 张*, 欧阳娜娜 → 欧***; a single character stays masked entirely.</summary>
    public static string? MaskName(string? name)
    {
        var t = name?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        var runes = t.EnumerateRunes().ToArray();
        return runes.Length == 1 ? "*" : runes[0] + new string('*', runes.Length - 1);
    }

    /// <summary>13812345678 → 138****5678; landlines keep area code and last 2 digits; anything else is masked whole.</summary>
    public static string? MaskPhone(string? phone)
    {
        var digits = Digits(phone);
        if (digits.Length == 0)
        {
            return null;
        }

        if (digits.Length == 11 && digits[0] == '1')
        {
            return digits[..3] + "****" + digits[7..];
        }

        return digits.Length > 6 ? digits[..3] + new string('*', digits.Length - 5) + digits[^2..] : new string('*', digits.Length);
    }

    /// <summary>Masks mobile numbers, landlines and 18-digit ID numbers inside free text.</summary>
    public static string MaskText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ContainsDigitRun(text))
        {
            return text;
        }

        var masked = IdNumber().Replace(text, m => m.Value[..6] + "********" + m.Value[^4..]);
        masked = Mobile().Replace(masked, m => m.Value[..3] + "****" + m.Value[^4..]);
        return Landline().Replace(masked, m => m.Groups["area"].Value + m.Groups["sep"].Value + new string('*', m.Groups["num"].Length - 2) + m.Groups["num"].Value[^2..]);
    }

    private static bool ContainsDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 7)
            {
                return true;
            }
        }

        return false;
    }

    private static string Digits(string? text) => new((text ?? string.Empty).Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dXx])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)(?<area>0\d{2,3})(?<sep>-?)(?<num>\d{7,8})(?!\d)")]
    private static partial Regex Landline();

    public void Dispose() => _hmac.Dispose();
}
