using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RiskMonitor.Analytics.Detection;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Ingest.Sample;
using RiskMonitor.Reports.Briefing;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.Tests.Reports;

/// <summary>
/// Runs every code cell of every analysts' notebook (<c>notebooks/*.ipynb</c>, Polyglot C#) in order with Roslyn scripting,
/// against a copy of the demo warehouse, as the C# kernel would.
/// </summary>
[Collection(ReportsWarehouseGroup.Name)]
public sealed class NotebookTests(ReportsWarehouseFixture warehouse) : IDisposable
{
    private const string WarehouseVariable = "RISKMONITOR_NOTEBOOK_WAREHOUSE";
    private readonly TempDirectory _dir = new();

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(NotebookDirectory(), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void Notebooks_ThereAreThree() => Notebooks().Should().HaveCount(3);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_EveryCodeCellRunsInOrder(string name)
    {
        var cells = CodeCells(Path.Combine(NotebookDirectory(), name));
        cells.Should().NotBeEmpty();
        var options = ScriptOptions.Default
            .AddReferences(typeof(RiskWarehouse).Assembly, typeof(SampleProvince).Assembly, typeof(DetectorFactory).Assembly,
                typeof(NoticeDocument).Assembly, typeof(BriefingQueries).Assembly)
            // The C# kernel's default imports.
            .AddImports("System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks");
        Environment.SetEnvironmentVariable(WarehouseVariable, warehouse.CopyTo(_dir.File("w")));
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            ScriptState<object>? state = null;
            for (var i = 0; i < cells.Count; i++)
            {
                try
                {
                    state = state is null ? await CSharpScript.RunAsync(cells[i], options) : await state.ContinueWithAsync(cells[i], options);
                }
                catch (CompilationErrorException e)
                {
                    throw new InvalidOperationException($"{name} cell {i + 1} does not compile: {string.Join("; ", e.Diagnostics)}", e);
                }
            }
        }
        finally
        {
            Console.SetOut(console);
            Environment.SetEnvironmentVariable(WarehouseVariable, null);
        }

        output.ToString().Should().Contain($"最新月份：{warehouse.LastMonth:yyyy-MM}").And.Contain("已关闭数据仓库。");
    }

    /// <summary>
    /// The code cells' text. <c>#r</c> lines reference the build output by a path relative to the notebook; they are
    /// checked to exist and left out, because the test process already has those assemblies loaded.
    /// </summary>
    private static List<string> CodeCells(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        document.RootElement.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString().Should().Be(".net-csharp");
        var cells = new List<string>();
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            var lines = source.Split('\n');
            foreach (var reference in lines.Where(l => l.StartsWith("#r ", StringComparison.Ordinal)))
            {
                var file = reference[3..].Trim().Trim('"');
                File.Exists(Path.Combine(Path.GetDirectoryName(path)!, file)).Should().BeTrue($"{reference} should name a built assembly");
            }

            var code = string.Join('\n', lines.Where(l => !l.StartsWith("#r ", StringComparison.Ordinal) && !l.StartsWith("#!", StringComparison.Ordinal)));
            if (code.Trim().Length > 0)
            {
                cells.Add(code);
            }
        }

        return cells;
    }

    private static string NotebookDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RiskMonitor.sln")))
            {
                return Path.Combine(dir.FullName, "notebooks");
            }
        }

        throw new DirectoryNotFoundException("the repository root (RiskMonitor.sln) is not above the test output");
    }

    public void Dispose() => _dir.Dispose();
}
