using System.Diagnostics;
using RiskMonitor.Tests.App;

namespace RiskMonitor.Tests.Ingest.Pipeline;

/// <summary>A process killed in the middle of a file leaves no trace of it; the same file then loads in full.</summary>
public sealed class IngestKillTests : IDisposable
{
    // Large enough that after a second of CPU the load is still far from its commit, now that rows are appended on a second thread.
    private const int Complaints = 800_000;

    private readonly IngestBench _bench = new();

    [Fact]
    public async Task Ingest_KilledMidLoad_LeavesNoTraceAndTheRerunLoadsEverything()
    {
        var path = _bench.Directory.File("large-complaints.csv");
        var (rows, bad, repeats) = LargeComplaintsFile.Write(path, Complaints);
        _bench.Close();

        using (var child = StartIngest(path))
        {
            await WaitUntilLoading(child);
            child.HasExited.Should().BeFalse("the ingest must still be running when it is killed; make the file larger if this machine is that fast");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        _bench.Count("SELECT count(*) FROM ingest_batches").Should().Be(0);
        _bench.Count("SELECT count(*) FROM fact_complaint").Should().Be(0);
        _bench.Count("SELECT count(*) FROM quarantine").Should().Be(0);
        _bench.AssertNoStagingLeft();
        _bench.Close();

        var outcome = await CliHarness.Run("ingest", "complaints", path, "--db", _bench.Database);

        outcome.ExitCode.Should().Be(0, outcome.Error);
        var batch = _bench.Batch(_bench.Scalar<long>("SELECT batch_id FROM ingest_batches"));
        (batch.Status, batch.RowsRead, batch.RowsLoaded, batch.RowsQuarantined, batch.RowsDuplicate)
            .Should().Be(("loaded", rows, Complaints - bad, bad, repeats));
        _bench.Count("SELECT count(*) FROM fact_complaint").Should().Be(Complaints - bad);
        _bench.Count("SELECT count(*) FROM quarantine").Should().Be(bad);
        _bench.Count("SELECT count(*) FROM ingest_batches").Should().Be(1);
    }

    private Process StartIngest(string path)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = _bench.Directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "riskmonitor.dll"), "ingest", "complaints", path, "--db", _bench.Database })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Waits until the child has opened the warehouse (its hash key file appears just before the first file is read) and then
    /// spent another second of CPU time: measured in CPU rather than wall time, so a busy machine only makes the wait longer.
    /// </summary>
    private async Task WaitUntilLoading(Process child)
    {
        var keyFile = _bench.Directory.File("riskmonitor.hashkey");
        var deadline = Stopwatch.StartNew();
        TimeSpan? startedAt = null;
        while (!child.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            child.Refresh();
            var cpu = child.TotalProcessorTime;
            startedAt ??= File.Exists(keyFile) ? cpu : (TimeSpan?)null;
            if (startedAt is { } started && cpu - started >= TimeSpan.FromSeconds(1))
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    public void Dispose() => _bench.Dispose();
}
