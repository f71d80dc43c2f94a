using System.CommandLine;
using RiskMonitor.App.Cli.Output;
using RiskMonitor.Core.Domain;
using RiskMonitor.Warnings.Lifecycle;
using RiskMonitor.Warnings.Notices;

namespace RiskMonitor.App.Cli.Commands;

/// <summary>
/// <c>riskmonitor warnings list|show|approve|reject|lift</c>. Reading needs no user; every change names one with
/// <c>--user</c>, whose role (from the <c>Users</c> configuration) the lifecycle service checks and audits.
/// </summary>
public static partial class WarningsCommand
{
    public static Command Create() => new("warnings", "预警管理：列出、查看、审批、退回、申请解除")
    {
        List(), Show(), Approve(), Reject(), Lift(),
    };

    private static Command List()
    {
        var format = new Option<ResultFormat>("--format") { Description = "输出格式：table、csv 或 json", DefaultValueFactory = _ => ResultFormat.Table };
        var list = new Command("list", "列出预警：级别、状态和待审批、待发布的通知") { format };
        list.SetAction(parse =>
        {
            using var warehouse = WarehouseAccess.OpenForQueries(RiskMonitorCli.Settings(parse));
            using var connection = warehouse.Connect();
            var parameters = new List<object?>();
            var level = Labels("w.level", WarningLevels.Descending.Select(l => ((object)(int)l, l.ChineseLabel())), parameters);
            var status = Labels("w.status", Enum.GetValues<WarningStatus>().Select(s => ((object)s.Code(), s.ChineseLabel())), parameters);
            var noticeStatus = Labels("n.status", Enum.GetValues<NoticeStatus>().Select(s => ((object)s.Code(), s.ChineseLabel())), parameters);
            using var reader = connection.ExecuteReader(
                $"""
                SELECT w.warning_id AS 编号, c.name AS 产品类别, coalesce(r.name, '全省') AS 地区, {level} AS 级别, {status} AS 状态,
                       strftime(w.first_month, '%Y-%m') AS 起始月份, strftime(w.last_month, '%Y-%m') AS 最近月份,
                       (SELECT string_agg(n.notice_id || ' ' || n.kind || '（' || {noticeStatus} || '）', '；' ORDER BY n.notice_id)
                        FROM notices n WHERE n.warning_id = w.warning_id AND n.status IN ('draft', 'approved')) AS 待办通知
                FROM warnings w
                JOIN dim_category c ON c.code = w.category_code
                LEFT JOIN dim_region r ON r.code = w.region_code
                ORDER BY w.status IN ('lifted', 'rejected'), w.level DESC, w.warning_id
                """,
                [.. parameters]);
            ResultWriter.Write(reader, parse.InvocationConfiguration.Output, parse.GetValue(format));
            return RiskMonitorCli.Success;
        });
        return list;
    }

    /// <summary>A CASE expression mapping stored codes to their Chinese labels, the labels bound as parameters so they keep one owner.</summary>
    private static string Labels(string column, IEnumerable<(object Code, string Label)> pairs, List<object?> parameters)
    {
        var whens = new List<string>();
        foreach (var (code, label) in pairs)
        {
            parameters.Add(code);
            parameters.Add(label);
            whens.Add($"WHEN ${parameters.Count - 1} THEN ${parameters.Count}");
        }

        return $"CASE {column} {string.Join(' ', whens)} ELSE CAST({column} AS VARCHAR) END";
    }
}
