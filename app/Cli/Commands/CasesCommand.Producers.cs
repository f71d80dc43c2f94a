using System.CommandLine;
using RiskMonitor.App.Cli.Output;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor cases flags|key-list</c>: the producer flags of Art. 27–28 and the key-supervision list of Art. 30.</summary>
public static partial class CasesCommand
{
    private static Command Flags()
    {
        var format = FormatOption();
        var publish = new Option<bool>("--publish") { Description = "只列出符合第二十七条公布条件的生产者" };
        var command = new Command("flags", "生产者标记：连续两次抽查不合格、整改复查合格前继续生产销售、拒绝整改（第二十七条），多次不合格（第二十八条）")
        {
            format, publish,
        };
        command.SetAction(parse =>
        {
            using var warehouse = WarehouseAccess.OpenForQueries(RiskMonitorCli.Settings(parse));
            using var connection = warehouse.Connect();
            using var reader = connection.ExecuteReader(
                """
                SELECT f.producer AS 生产者, coalesce(r.name, f.region_code) AS 地区, f.checks AS 抽查次数, f.failed_checks AS 不合格次数,
                       f.last_failed_on AS 最近不合格,
                       CASE WHEN f.publish_producer THEN '是' ELSE '否' END AS 应公布信息,
                       CASE WHEN f.repeated_failures THEN '是' ELSE '否' END AS 多次不合格, f.reasons AS 依据
                FROM v_producer_flags f
                LEFT JOIN dim_region r ON r.code = f.region_code
                WHERE NOT $1 OR f.publish_producer
                ORDER BY f.publish_producer DESC, f.failed_checks DESC, f.producer
                """,
                parse.GetValue(publish));
            ResultWriter.Write(reader, parse.InvocationConfiguration.Output, parse.GetValue(format));
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Command KeyList()
    {
        var format = FormatOption();
        var command = new Command("key-list", "重点监管名单（第三十条）：抽查不合格的生产者；连续两年抽查不合格的，应持续开展抽查") { format };
        command.SetAction(parse =>
        {
            using var warehouse = WarehouseAccess.OpenForQueries(RiskMonitorCli.Settings(parse));
            using var connection = warehouse.Connect();
            using var reader = connection.ExecuteReader(
                """
                SELECT k.producer AS 生产者, coalesce(r.name, k.region_code) AS 地区, k.failed_checks AS 不合格次数,
                       k.first_failed_on AS 首次不合格, k.last_failed_on AS 最近不合格,
                       array_to_string(list_transform(k.failed_years, lambda y: CAST(y AS VARCHAR)), '、') AS 不合格年份,
                       CASE WHEN k.keep_spot_checking THEN '是' ELSE '否' END AS 应持续抽查
                FROM v_key_supervision k
                LEFT JOIN dim_region r ON r.code = k.region_code
                ORDER BY k.keep_spot_checking DESC, k.last_failed_on DESC, k.producer
                """);
            ResultWriter.Write(reader, parse.InvocationConfiguration.Output, parse.GetValue(format));
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static Option<ResultFormat> FormatOption() =>
        new("--format") { Description = "输出格式：table、csv 或 json", DefaultValueFactory = _ => ResultFormat.Table };
}
