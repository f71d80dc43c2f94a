using System.Buffers;

namespace RiskMonitor.Ingest.Normalisation;

/// <summary>
/// A set of keywords, each with a small id (0–63), found in a text by one vectorised scan for their first characters and a
/// comparison of the few keywords that start with the character found.
/// </summary>
/// <remarks>
/// Complaint texts are short and most name no hazard: scanning once for ~40 possible first characters is several times
/// cheaper than searching the text once per keyword.
/// </remarks>
internal sealed class KeywordLexicon
{
    private readonly SearchValues<char> _firstChars;
    private readonly Dictionary<char, (string Word, int Id)[]> _byFirstChar;

    public KeywordLexicon(IEnumerable<(string Word, int Id)> words)
    {
        var list = words.Where(w => w.Word.Length > 0).ToList();
        if (list.Any(w => w.Id is < 0 or > 63))
        {
            throw new ArgumentOutOfRangeException(nameof(words), "keyword ids must lie in 0..63");
        }

        _byFirstChar = list.GroupBy(w => w.Word[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _firstChars = SearchValues.Create(string.Concat(_byFirstChar.Keys));
    }

    public KeywordLexicon(IEnumerable<string> words)
        : this(words.Select(w => (w, 0)))
    {
    }

    /// <summary>The first position at or after <paramref name="from"/> where a keyword starts, with the ids of every
    /// keyword starting there as bits; -1 when there is none.</summary>
    public int Next(ReadOnlySpan<char> text, int from, out ulong ids)
    {
        while (from < text.Length)
        {
            var offset = text[from..].IndexOfAny(_firstChars);
            if (offset < 0)
            {
                break;
            }

            var at = from + offset;
            ids = 0;
            foreach (var (word, id) in _byFirstChar[text[at]])
            {
                if (text[at..].StartsWith(word, StringComparison.Ordinal))
                {
                    ids |= 1UL << id;
                }
            }

            if (ids != 0)
            {
                return at;
            }

            from = at + 1;
        }

        ids = 0;
        return -1;
    }
}
