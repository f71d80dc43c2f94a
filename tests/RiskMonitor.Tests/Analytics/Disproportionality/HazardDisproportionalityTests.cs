using RiskMonitor.Analytics.Disproportionality;

namespace RiskMonitor.Tests.Analytics.Disproportionality;

public sealed class HazardDisproportionalityTests
{
    [Fact]
    public void Analyse_Counts_BuildsEachPairsTableFromTheMargins()
    {
        HazardCount[] counts =
        [
            new("玩具", "窒息", 12),
            new("玩具", "划伤", 80),
            new("电器", "窒息", 100),
            new("电器", "触电", 1800),
            new("玩具", "窒息", 8),
            new("电器", "划伤", 0),
        ];

        var results = HazardDisproportionality.Analyse(counts);

        // (玩具, 窒息): a = 12 + 8 = 20, b = 80, c = 100, d = 1800 — the table of the calculator tests, PRR 3.8.
        results.Select(r => (r.Category, r.Hazard)).Should().Equal(("玩具", "窒息"), ("玩具", "划伤"), ("电器", "窒息"), ("电器", "触电"));
        var toys = results[0].Measures;
        toys.Table.Should().Be(new ContingencyTable(20, 80, 100, 1800));
        toys.Prr.Estimate.Should().BeApproximately(3.8, 1e-9);
        toys.Signal.Should().BeTrue();

        // (电器, 触电): a = 1800, b = 100, c = 0, d = 100: every 触电 report is an appliance.
        results[3].Measures.Table.Should().Be(new ContingencyTable(1800, 100, 0, 100));
        results[3].Measures.Corrected.Should().BeTrue();
        results.Sum(r => r.Measures.Table.A).Should().Be(2000);
        results.Should().OnlyContain(r => r.Measures.Table.N == 2000);
    }

    [Fact]
    public void Analyse_NegativeCount_IsRejected()
    {
        var act = () => HazardDisproportionality.Analyse([new HazardCount("玩具", "窒息", -1)]);

        act.Should().Throw<ArgumentException>();
    }
}
