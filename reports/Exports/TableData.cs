namespace RiskMonitor.Reports.Exports;

/// <summary>A column of a <see cref="TableData"/>: a stable key for code and a Chinese label for people.</summary>
public sealed record TableColumn(string Key, string Label);

/// <summary>
/// A table as the dashboard shows it and exports download it: columns plus rows of plain values (string, long, double,
/// bool, DateOnly, DateTime or null), in the same order.
/// </summary>
public sealed record TableData(string Name, IReadOnlyList<TableColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Builds a table from column (key, label) pairs.</summary>
    public static TableData Of(string name, IEnumerable<(string Key, string Label)> columns, IEnumerable<object?[]> rows) =>
        new(name, columns.Select(c => new TableColumn(c.Key, c.Label)).ToList(), rows.ToList());
}
