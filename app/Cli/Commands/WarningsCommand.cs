using System.CommandLine;
using RiskMonitor.App.Cli.Output;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor warnings list</c>.</summary>
public static class WarningsCommand
{
    public static Command Create()
    {
        var format = new Option<ResultFormat>("--format") { Description = "输出格式：table、csv 或 json", DefaultValueFactory = _ => ResultFormat.Table };
        var list = new Command("list", "列出预警及其通知的审批状态") { format };
        list.SetAction(parse =>
        {
            using var warehouse = WarehouseAccess.OpenForQueries(RiskMonitorCli.Settings(parse));
            using var connection = warehouse.Connect();
            using var reader = connection.ExecuteReader("""
                SELECT w.warning_id AS 编号, c.name AS 产品类别, coalesce(r.name, '全省') AS 地区,
                       CASE w.level WHEN 4 THEN 'I' WHEN 3 THEN 'II' WHEN 2 THEN 'III' WHEN 1 THEN 'IV' END AS 级别,
                       CASE w.status WHEN 'proposed' THEN '待审批' WHEN 'approved' THEN '已批准' WHEN 'published' THEN '已发布'
                                     WHEN 'lifted' THEN '已解除' WHEN 'rejected' THEN '已退回' ELSE w.status END AS 状态,
                       strftime(w.first_month, '%Y-%m') AS 起始月份, strftime(w.last_month, '%Y-%m') AS 最近月份,
                       n.kind AS 通知类型, n.notice_id AS 通知编号
                FROM warnings w
                JOIN dim_category c ON c.code = w.category_code
                LEFT JOIN dim_region r ON r.code = w.region_code
                LEFT JOIN notices n ON n.warning_id = w.warning_id
                ORDER BY w.level DESC, w.warning_id
                """);
            ResultWriter.Write(reader, parse.InvocationConfiguration.Output, parse.GetValue(format));
            return RiskMonitorCli.Success;
        });
        return new Command("warnings", "预警管理") { list };
    }
}
