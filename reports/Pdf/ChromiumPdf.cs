using System.Diagnostics;
using RiskMonitor.Core;

namespace RiskMonitor.Reports.Pdf;

/// <summary>
/// Prints an HTML file to PDF with the system's headless Chromium (Debian's <c>chromium</c>), offline: no sandbox (we run
/// as a service user or root), no GPU, no background networking, component updates or sync, and a fresh profile per call.
/// </summary>
/// <remarks>Chromium is given a virtual-time budget so that the page's scripts (the charts) finish before it prints;
/// virtual time runs as fast as the machine allows, so the budget bounds waiting, it does not add it.</remarks>
public sealed class ChromiumPdf(string? executable = null, TimeSpan? timeout = null)
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    /// <summary>The offline flags every headless Chromium of this product runs with (the profile directory comes apart).</summary>
    public static IReadOnlyList<string> OfflineFlags { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string _executable = executable ?? DefaultExecutable;
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromMinutes(3);

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/> (replaced atomically).</summary>
    public void Print(string htmlPath, string pdfPath)
    {
        if (!File.Exists(_executable))
        {
            throw new RiskMonitorException($"找不到 Chromium（{_executable}），无法生成 PDF：请安装 Debian 软件包 chromium 与 fonts-noto-cjk");
        }

        var profile = Directory.CreateTempSubdirectory("riskmonitor-chromium-");
        var partial = Path.GetFullPath(pdfPath) + ".partial";
        try
        {
            var start = new ProcessStartInfo(_executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var flag in OfflineFlags)
            {
                start.ArgumentList.Add(flag);
            }

            start.ArgumentList.Add($"--user-data-dir={profile.FullName}");
            start.ArgumentList.Add("--run-all-compositor-stages-before-draw");
            start.ArgumentList.Add("--virtual-time-budget=15000");
            start.ArgumentList.Add("--no-pdf-header-footer");
            start.ArgumentList.Add($"--print-to-pdf={partial}");
            start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
            Run(start);
            if (!File.Exists(partial) || new FileInfo(partial).Length == 0)
            {
                throw new RiskMonitorException($"Chromium 未能生成 PDF：{pdfPath}");
            }

            File.Move(partial, pdfPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
            TryDelete(profile);
        }
    }

    private void Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start) ?? throw new RiskMonitorException("无法启动 Chromium");
        // Drain both pipes so Chromium never blocks on a full one; its chatter only matters when it fails.
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new RiskMonitorException($"Chromium 在 {_timeout.TotalSeconds:0} 秒内未完成 PDF 打印");
        }

        if (process.ExitCode != 0)
        {
            var detail = stderr.Wait(TimeSpan.FromSeconds(5)) ? LastLine(stderr.Result) : string.Empty;
            throw new RiskMonitorException($"Chromium 打印 PDF 失败（退出码 {process.ExitCode}）：{detail}");
        }
    }

    private static string LastLine(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium's helpers may hold a profile file for a moment after exit; the temp folder is swept by the OS.
        }
    }
}
