using System.CommandLine;
using RiskMonitor.Analytics.Detection;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor detect --method … FILE</c>: run one aberration detector on any count series.</summary>
public static class DetectCommand
{
    public static Command Create()
    {
        var method = new Option<string>("--method") { Description = "检测方法：" + string.Join("、", DetectorFactory.Methods), Required = true };
        method.AcceptOnlyFromAmong([.. DetectorFactory.Methods]);
        var alpha = new Option<double?>("--alpha") { Description = "单侧显著性水平（EARS C1/C2 默认 0.001，C3 默认 0.025，Farrington 默认 0.05）" };
        var baseline = new Option<int?>("--baseline") { Description = "基线期数（EARS、CUSUM，默认 7）；Farrington 为回溯年数 b（默认 5）" };
        var minSigma = new Option<double>("--min-sigma") { Description = "标准差下限，避免全零基线上一例即报警", DefaultValueFactory = _ => 0 };
        var frequency = new Option<int?>("--frequency") { Description = "每年期数（月度 12，周 52）；默认从期间格式推断" };
        var file = new Argument<string>("file") { Description = "含 period,count 两列的 CSV 文件；- 表示标准输入" };
        var command = new Command("detect", "对任意计数序列运行异常升高检测，输出 period,count,expected,threshold,alarm")
        {
            method, alpha, baseline, minSigma, frequency, file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            using var input = path == "-" ? Console.In : OpenInput(path);
            DetectionCsv.Run(input, parse.InvocationConfiguration.Output, new DetectorOptions(
                parse.GetValue(method)!, parse.GetValue(alpha), parse.GetValue(baseline), parse.GetValue(minSigma), parse.GetValue(frequency)));
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static StreamReader OpenInput(string path) =>
        File.Exists(path) ? new StreamReader(path) : throw new Core.RiskMonitorException($"文件不存在：{path}");
}
