using System.CommandLine;
using RiskMonitor.App.Hosting;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor serve [--urls URL]</c>.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "监听地址", DefaultValueFactory = _ => ServeHost.DefaultUrls };
        var command = new Command("serve", "启动服务：按计划运行月度分析周期（Quartz），并提供 HTTP 接口") { urls };
        command.SetAction(async (parse, cancellation) =>
        {
            var app = ServeHost.Build(RiskMonitorCli.Settings(parse), parse.GetValue(urls)!);
            await using (app)
            {
                await app.RunAsync(cancellation);
            }

            return RiskMonitorCli.Success;
        });
        return command;
    }
}
