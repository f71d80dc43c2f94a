using System.Buffers;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Normalisation;

/// <summary>What a complaint's free text says about harm: hazard types by keyword, and whether someone was hurt or died.</summary>
public sealed record TextSignal(IReadOnlyList<string> Hazards, bool Injury, bool Death);

/// <summary>Keyword lexicon over complaint text, built from the hazard dictionary (<c>hazards.csv</c>).</summary>
public sealed class TextSignals
{
    /// <summary>How far before a harm word a negation still governs it ("所幸没有人员受伤", "没有造成任何人员受伤").</summary>
    private const int NegationWindow = 10;

    private static readonly string[] InjuryWords = ["受伤", "住院", "骨折", "烧伤", "烫伤", "割伤", "划伤", "中毒", "送医", "就医", "急诊", "抢救", "伤口", "缝针"];
    private static readonly string[] DeathWords = ["死亡", "身亡", "去世", "遇难", "丧生", "不治"];
    private static readonly string[] Negations = ["未", "没", "无", "不曾", "险些", "差点", "幸免"];

    /// <summary>Words that begin with a negation character but negate nothing that follows ("抢救无效去世", "没想到孩子被烫伤").</summary>
    private static readonly string[] FalseNegations = ["无法", "无奈", "无效", "无辜", "无意", "没想到", "未成年", "未满"];

    /// <summary>Punctuation that ends a clause: a negation in an earlier clause does not reach across it.</summary>
    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create("，。；！？：,.;!?:\n\r");

    private const int InjuryId = 62;
    private const int DeathId = 63;

    private readonly string[] _hazards;
    private readonly KeywordLexicon _lexicon;

    public TextSignals(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _hazards = reference.Hazards.Select(h => h.Code).ToArray();
        if (_hazards.Length > InjuryId)
        {
            throw new ArgumentException($"at most {InjuryId} hazard types are supported", nameof(reference));
        }

        // One lexicon for hazard keywords (id = the hazard's place in the dictionary) and harm words, so a text is scanned once.
        _lexicon = new KeywordLexicon(reference.Hazards.SelectMany((h, i) => h.Keywords.Select(k => (k, i)))
            .Concat(InjuryWords.Select(w => (w, InjuryId)))
            .Concat(DeathWords.Select(w => (w, DeathId))));
    }

    public TextSignal Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const ulong Harm = (1UL << InjuryId) | (1UL << DeathId);
        var found = 0UL;
        bool injury = false, death = false;
        for (var at = _lexicon.Next(text, 0, out var ids); at >= 0; at = _lexicon.Next(text, at + 1, out ids))
        {
            found |= ids & ~Harm;
            if ((ids & Harm) != 0 && !(injury && death) && !Negated(text, at))
            {
                injury |= (ids & (1UL << InjuryId)) != 0;
                death |= (ids & (1UL << DeathId)) != 0;
            }
        }

        IReadOnlyList<string> hazards = found == 0 ? [] : _hazards.Where((_, i) => (found & (1UL << i)) != 0).ToArray();
        return new TextSignal(hazards, injury, death);
    }

    private static bool Negated(string text, int at)
    {
        var start = Math.Max(0, at - NegationWindow);
        var clauseEnd = text.AsSpan(start, at - start).LastIndexOfAny(ClauseEnds);
        var clause = text.AsSpan(clauseEnd < 0 ? start : start + clauseEnd + 1, at - (clauseEnd < 0 ? start : start + clauseEnd + 1));
        foreach (var negation in Negations)
        {
            for (var i = clause.IndexOf(negation, StringComparison.Ordinal); i >= 0;)
            {
                if (!StartsWithAny(clause[i..], FalseNegations))
                {
                    return true;
                }

                var next = clause[(i + 1)..].IndexOf(negation, StringComparison.Ordinal);
                i = next < 0 ? -1 : i + 1 + next;
            }
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> span, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (span.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
