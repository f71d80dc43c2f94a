using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RiskMonitor.App.Dashboard;
using RiskMonitor.Warnings.Approval;

namespace RiskMonitor.Tests.App.Dashboard;

/// <summary>
/// The real <c>riskmonitor serve</c> in its own process on a free loopback port, over a given warehouse file, with one
/// dashboard account per role (passwords known to the test, hashes given through environment variables).
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    /// <summary>Given as entries 0-2 of the <c>Users</c> section, so they take the place of the shipped demo accounts.</summary>
    public static readonly (string Name, string Role, string Password)[] Accounts =
    [
        ("fenxi", DashboardRoles.Analyst, "analyst-pass-1"),
        ("shenpi", DashboardRoles.Approver, "approver-pass-2"),
        ("chakan", DashboardRoles.Viewer, "viewer-pass-3"),
    ];

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static (string Name, string Password) Account(string role)
    {
        var account = Accounts.Single(a => a.Role == role);
        return (account.Name, account.Password);
    }

    public static async Task<ServeProcess> Start(string warehouse, string workDirectory)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "riskmonitor.dll"), "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RISKMONITOR_Warehouse__Path"] = warehouse;
        start.Environment["RISKMONITOR_Output__Directory"] = Path.Combine(workDirectory, "out");
        start.Environment["RISKMONITOR_Inbox__Directory"] = Path.Combine(workDirectory, "inbox");
        start.Environment["RISKMONITOR_Privacy__HashKey"] = "dashboard-test-key-0123456789";
        for (var i = 0; i < Accounts.Length; i++)
        {
            start.Environment[$"RISKMONITOR_Users__{i}__Name"] = Accounts[i].Name;
            start.Environment[$"RISKMONITOR_Users__{i}__Role"] = Accounts[i].Role;
            // Few iterations: the tests sign in often and the format is the same.
            start.Environment[$"RISKMONITOR_Users__{i}__PasswordHash"] = PasswordHasher.Hash(Accounts[i].Password, iterations: 10_000);
        }

        var process = Process.Start(start)!;
        var serve = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => serve.Append(e.Data);
        process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await serve.WaitUntilHealthy();
        return serve;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthy()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/api/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer on a loaded machine: ask again.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"serve did not answer /api/health within 3 minutes:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
