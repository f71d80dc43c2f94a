using RiskMonitor.App.Cli;

return await RiskMonitorCli.RunAsync(args);
