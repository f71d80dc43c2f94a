using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Normalisation;

/// <summary>What a complaint's free text says about harm: hazard types by keyword, and whether someone was hurt or died.</summary>
public sealed record TextSignal(IReadOnlyList<string> Hazards, bool Injury, bool Death);

/// <summary>Keyword lexicon over complaint text, built from the hazard dictionary (<c>hazards.csv</c>).</summary>
public sealed class TextSignals
{
    private static readonly string[] InjuryWords = ["受伤", "住院", "骨折", "烧伤", "烫伤", "割伤", "划伤", "中毒", "送医", "就医", "急诊", "抢救", "伤口", "缝针"];
    private static readonly string[] DeathWords = ["死亡", "身亡", "去世", "遇难", "丧生", "不治"];
    private static readonly string[] NegationPrefixes = ["未", "没有", "无"];

    private readonly (string Keyword, string Hazard)[] _keywords;

    public TextSignals(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _keywords = reference.Hazards.SelectMany(h => h.Keywords.Select(k => (k, h.Code))).ToArray();
    }

    public TextSignal Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string>? hazards = null;
        foreach (var (keyword, hazard) in _keywords)
        {
            if (text.Contains(keyword, StringComparison.Ordinal) && (hazards is null || !hazards.Contains(hazard)))
            {
                (hazards ??= []).Add(hazard);
            }
        }

        return new TextSignal(hazards ?? (IReadOnlyList<string>)[], Mentions(text, InjuryWords), Mentions(text, DeathWords));
    }

    /// <summary>True when a word occurs not directly negated ("未受伤", "没有受伤" do not count).</summary>
    private static bool Mentions(string text, string[] words)
    {
        foreach (var word in words)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (!NegationPrefixes.Any(n => at >= n.Length && text.AsSpan(at - n.Length, n.Length).SequenceEqual(n)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
