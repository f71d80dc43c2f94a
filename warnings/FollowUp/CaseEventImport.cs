using System.Globalization;
using RiskMonitor.Core;
using RiskMonitor.Core.Data;
using RiskMonitor.Ingest.Normalisation;
using RiskMonitor.Ingest.Tabular;

namespace RiskMonitor.Warnings.FollowUp;

/// <summary>What an import loaded.</summary>
public sealed record CaseImportResult(string File, int Events, int Cases);

/// <summary>A row of an import file that cannot be loaded, with its line (CSV) or row (Excel) number.</summary>
public sealed record ImportProblem(long Line, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"第 {Line} 行：{Message}");
}

/// <summary>An import file with bad rows; nothing of it was loaded. <see cref="Problems"/> lists every bad row.</summary>
public sealed class CaseImportException : RiskMonitorException
{
    public CaseImportException() { }

    public CaseImportException(string message) : base(message) { }

    public CaseImportException(string message, Exception inner) : base(message, inner) { }

    public CaseImportException(string file, IReadOnlyList<ImportProblem> problems)
        : base(string.Create(CultureInfo.InvariantCulture, $"文件“{file}”有 {problems.Count} 行错误，未导入任何记录：") + string.Join("；", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<ImportProblem> Problems { get; } = [];
}

/// <summary>
/// Loads case events from a CSV or Excel file, one event per row, in file order and in one transaction: a file with any bad
/// row loads nothing, and every bad row is reported with its line number.
/// </summary>
/// <remarks>
/// Columns (Chinese or English headers): 抽样单编号/sample_id or 案件编号/case_id, 事件/event (code or Chinese name),
/// 日期/date, 结果/outcome, 备注/note. Rows of one case must stand in the order the events happened.
/// </remarks>
public sealed class CaseEventImport(CaseEventRecorder recorder)
{
    private static readonly string[][] Columns =
    [
        ["sample_id", "抽样单编号", "抽样单号", "case_id", "案件编号"],
        ["event", "事件"],
        ["date", "日期"],
        ["outcome", "结果"],
        ["note", "备注"],
    ];

    public CaseImportResult Import(DuckDbConnection connection, string path, DateOnly today, string actor, string? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var file = Path.GetFileName(path);
        var rows = Read(path, file, encoding);
        var problems = new List<ImportProblem>();
        var failedCases = new Dictionary<string, long>(StringComparer.Ordinal);
        var cases = new HashSet<long>();
        using var transaction = connection.BeginTransaction();
        foreach (var (line, input) in rows)
        {
            var key = input.CaseRef.Trim();
            if (failedCases.TryGetValue(key, out var firstBad))
            {
                problems.Add(new ImportProblem(line, string.Create(CultureInfo.InvariantCulture, $"同一案件第 {firstBad} 行有错误，本行未检查")));
                continue;
            }

            try
            {
                var recorded = recorder.Apply(connection, input, today, actor, string.Create(CultureInfo.InvariantCulture, $"csv:{file}:{line}"));
                cases.Add(recorded.Case.CaseId);
            }
            catch (FollowUpException e)
            {
                problems.Add(new ImportProblem(line, e.Message));
                failedCases[key] = line;
            }
        }

        if (problems.Count > 0)
        {
            throw new CaseImportException(file, problems);
        }

        transaction.Commit();
        return new CaseImportResult(file, rows.Count, cases.Count);
    }

    /// <summary>Reads every row; rows that cannot even be parsed are all reported before anything is applied.</summary>
    private static List<(long Line, CaseEventInput Input)> Read(string path, string file, string? encoding)
    {
        using var reader = TabularFile.Open(path, new TabularReadOptions(encoding, KnownHeaders: Columns.SelectMany(c => c).ToArray()));
        var index = Columns.Select(names => FindColumn(reader.Headers, names)).ToArray();
        var missing = Columns.Where((names, i) => i < 3 && index[i] < 0).Select(names => $"{names[1]}（{names[0]}）").ToList();
        if (missing.Count > 0)
        {
            throw new CaseImportException(file, [new ImportProblem(reader.HeaderLine, $"缺少{string.Join("、", missing)}列")]);
        }

        var rows = new List<(long, CaseEventInput)>();
        var problems = new List<ImportProblem>();
        while (reader.TryRead(out var row))
        {
            string Cell(int column) => index[column] >= 0 && index[column] < row.Cells.Count ? row.Cells[index[column]].Trim() : string.Empty;
            var caseRef = Cell(0);
            var date = Cell(2);
            var rowProblems = new List<string>();
            if (caseRef.Length == 0)
            {
                rowProblems.Add("抽样单编号（或案件编号）为空");
            }

            if (FollowUpEvents.Find(Cell(1)) is null)
            {
                rowProblems.Add(Cell(1).Length == 0 ? "事件为空" : $"未知的事件“{Cell(1)}”");
            }

            if (!DateParser.TryParseDate(date, out var on))
            {
                rowProblems.Add(date.Length == 0 ? "日期为空" : $"日期“{date}”无法识别，应为 yyyy-MM-dd");
            }

            if (rowProblems.Count > 0)
            {
                problems.Add(new ImportProblem(row.Line, string.Join("；", rowProblems)));
                continue;
            }

            rows.Add((row.Line, new CaseEventInput(caseRef, Cell(1), on, NullIfEmpty(Cell(3)), NullIfEmpty(Cell(4)))));
        }

        if (problems.Count > 0)
        {
            throw new CaseImportException(file, problems);
        }

        return rows;
    }

    private static int FindColumn(IReadOnlyList<string> headers, string[] names)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (names.Any(n => string.Equals(headers[i].Trim(), n, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
