using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RiskMonitor.Tests.Warnings.Publishing;

/// <summary>
/// The real <c>riskmonitor</c> in a child process, and above all the service: <c>dotnet riskmonitor.dll serve --db … --urls http://127.0.0.1:0</c>, configured
/// through <c>RISKMONITOR_…</c> environment variables, its address read from its own log line.
/// </summary>
public sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process) => _process = process;

    /// <summary>What the service printed so far, for failure messages.</summary>
    public string Output => string.Join('\n', _lines);

    public static ServeProcess Start(string warehousePath, string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        Launch(workingDirectory, environment, "serve", "--db", warehousePath, "--urls", "http://127.0.0.1:0");

    /// <summary>Runs another <c>riskmonitor</c> command in a child process to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var run = Launch(workingDirectory, environment, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await run._process.WaitForExitAsync(timeout.Token);
        // The asynchronous readers see the end of the streams only after the exit; this second wait flushes them.
        run._process.WaitForExit();
        return (run._process.ExitCode, run.Output);
    }

    private static ServeProcess Launch(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "riskmonitor.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var serve = new ServeProcess(process);
        process.OutputDataReceived += (_, e) => serve.Take(e.Data);
        process.ErrorDataReceived += (_, e) => serve.Take(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>The address Kestrel bound, once the service says it is serving.</summary>
    public async Task<Uri> AddressAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_address.Task, exited, Task.Delay(timeout));
        if (first != _address.Task)
        {
            throw new InvalidOperationException($"the service did not start (exited: {exited.IsCompleted}):\n{Output}");
        }

        return await _address.Task;
    }

    /// <summary>Kills the service and everything it started, at once, as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    private void Take(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        var match = ServingOn().Match(line);
        if (match.Success)
        {
            _address.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"RiskMonitor serving on (http://\S+)")]
    private static partial Regex ServingOn();

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
