using RiskMonitor.Analytics.Disproportionality;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.Tests.Analytics.Disproportionality;

public sealed class HazardSignalRunnerTests
{
    private static readonly DateOnly Month = new(2026, 3, 1);

    [Fact]
    public void Run_AgainstHistory_MeasuresTheRiseOfAHazardsShare()
    {
        using var warehouse = RiskWarehouse.Open(DuckDbDatabase.InMemory);
        using var connection = warehouse.Connect();
        Counts(connection);

        var signals = HazardSignalRunner.Run(connection, Month, new DateTime(2026, 4, 3, 0, 0, 0, DateTimeKind.Utc));

        // This month GA01 has 10 of 20 complaints naming CO; over the past year 12 of 240.
        // a = 10, b = 10, c = 12, d = 228: PRR = (10/20)/(12/240) = 10.
        // Yates χ² = 260·(|10·228 − 10·12| − 130)² / (20·240·22·238) = 260·2030²/25,132,800 = 42.63.
        var history = signals.Single(s => s.Comparison == HazardSignalRunner.AgainstHistory && s.CategoryCode == "GA01");
        history.Measures.Table.Should().Be(new ContingencyTable(10, 10, 12, 228));
        history.Measures.Prr.Estimate.Should().BeApproximately(10, 1e-9);
        history.Measures.ChiSquare.Should().BeApproximately(42.63, 0.01);
        history.Measures.Signal.Should().BeTrue();

        // The stored row says the same.
        connection.ExecuteScalar<double>(
            "SELECT prr FROM hazard_signals WHERE comparison = 'history' AND category_code = 'GA01' AND month = $1", Month).Should().BeApproximately(10, 1e-9);
    }

    [Fact]
    public void Run_AgainstCategories_ComparesWithTheRestOfTheMonth()
    {
        using var warehouse = RiskWarehouse.Open(DuckDbDatabase.InMemory);
        using var connection = warehouse.Connect();
        Counts(connection);

        var signals = HazardSignalRunner.Run(connection, Month, DateTime.UnixEpoch);

        // GA01 × CO against KA01 this month: a = 10, b = 10, c = 0, d = 80. A zero cell: PRR with 0.5 added to each cell,
        // (10.5/21)/(0.5/81) = 81.
        var category = signals.Single(s => s.Comparison == HazardSignalRunner.AgainstCategories && s.CategoryCode == "GA01");
        category.Measures.Table.Should().Be(new ContingencyTable(10, 10, 0, 80));
        category.Measures.Prr.Estimate.Should().BeApproximately(81, 1e-9);
        // No pair is measured for complaints naming no hazard, and KA01 has no history, so only these two.
        signals.Should().HaveCount(2);
    }

    /// <summary>GA01 this month: CO 10, none 10; each of the past 12 months: CO 1, none 19. KA01 this month: none 80.</summary>
    private static void Counts(DuckDbConnection connection)
    {
        connection.Execute("INSERT INTO agg_hazard_month VALUES ($1, 'GA01', '', 'co_poisoning', 10), ($1, 'GA01', '', '', 10), ($1, 'KA01', '', '', 80)", Month);
        for (var i = 1; i <= 12; i++)
        {
            connection.Execute("INSERT INTO agg_hazard_month VALUES ($1, 'GA01', '', 'co_poisoning', 1), ($1, 'GA01', '', '', 19)", Month.AddMonths(-i));
        }
    }
}
