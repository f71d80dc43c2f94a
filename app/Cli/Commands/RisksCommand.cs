using System.CommandLine;
using RiskMonitor.Analytics.Assessment;
using RiskMonitor.App.Cli.Output;
using RiskMonitor.Core;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.App.Cli.Commands;

/// <summary><c>riskmonitor risks --month YYYY-MM [--format table|csv]</c> and <c>risks override …</c>.</summary>
public static class RisksCommand
{
    public static Command Create()
    {
        var command = Listing("risks", "按风险高低列出指定月份各风险对象的评估结果（规则分级、模型分级、最终级别、评分和依据）；表格只列达到预警级别的对象和排名前 20 的对象，csv/json 列出全部",
            TableSql, CsvSql);
        command.Subcommands.Add(Override());
        command.Subcommands.Add(Listing("producers", "列出指定月份有危害投诉或抽查不合格的生产企业的风险评估（五项因素、规则分级和依据），按级别和评分排序",
            ProducerTableSql, ProducerCsvSql));
        return command;
    }

    /// <summary>A read-only listing of one month: <c>--month YYYY-MM [--format table|csv|json]</c>, a short table or every row.</summary>
    private static Command Listing(string name, string description, string tableSql, string fullSql)
    {
        var month = MonthArgument.Create();
        var format = new Option<ResultFormat>("--format") { Description = "输出格式：table、csv 或 json", DefaultValueFactory = _ => ResultFormat.Table };
        var command = new Command(name, description) { month, format };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.OpenForQueries(settings);
            using var connection = warehouse.Connect();
            var chosen = parse.GetValue(format);
            using var reader = connection.ExecuteReader(chosen == ResultFormat.Table ? tableSql : fullSql, MonthArgument.Parse(parse.GetValue(month)));
            ResultWriter.Write(reader, parse.InvocationConfiguration.Output, chosen);
            return RiskMonitorCli.Success;
        });
        return command;
    }

    private static readonly string ProducerCsvSql = $"""
        SELECT strftime(p.month, '%Y-%m') AS month, p.producer, c.name AS category, p.category_code, p.elevated,
               {Roman("p.level")} AS level, p.score, p.harm, p.urgency, p.scope, p.frequency, p.duration, p.explanation
        FROM producer_assessments p JOIN dim_category c ON c.code = p.category_code
        WHERE p.month = $1
        ORDER BY p.level DESC, p.score DESC, p.producer, p.category_code
        """;

    private static readonly string ProducerTableSql = $"""
        SELECT row_number() OVER (ORDER BY p.level DESC, p.score DESC, p.producer, p.category_code) AS 排名,
               p.producer AS 生产企业, c.name AS 产品类别, {Roman("p.level")} AS 规则分级, p.score AS 评分,
               p.harm AS 危害, p.urgency AS 紧急, p.scope AS 范围, p.frequency AS 频率, p.duration AS 持续,
               left(p.explanation, 60) AS 依据摘要
        FROM producer_assessments p JOIN dim_category c ON c.code = p.category_code
        WHERE p.month = $1
        QUALIFY 排名 <= 20 OR p.level > 0
        ORDER BY 排名
        """;

    private static Command Override()
    {
        var month = MonthArgument.Create();
        var category = new Option<string>("--category") { Description = "产品类别（名称或代码）", Required = true };
        var region = new Option<string>("--region") { Description = "地区（名称或代码）；省级风险不填或填“全省”", DefaultValueFactory = _ => string.Empty };
        var level = new Option<string>("--level") { Description = "调整后的级别：I/II/III/IV、红/橙/黄/蓝 或 none", Required = true };
        var reason = new Option<string>("--reason") { Description = "调整理由（记入审计日志）", Required = true };
        var user = new Option<string>("--user") { Description = "操作人", Required = true };
        var command = new Command("override", "分析人员调整某风险对象某月的预警级别，记录理由并写入审计日志；重新分析时保留") { month, category, region, level, reason, user };
        command.SetAction(parse =>
        {
            var settings = RiskMonitorCli.Settings(parse);
            using var warehouse = WarehouseAccess.Open(settings);
            using var connection = warehouse.Connect();
            var reference = warehouse.Reference;
            var categoryText = parse.GetValue(category)!;
            var regionText = parse.GetValue(region)!.Trim();
            var categoryCode = reference.FindCategory(categoryText)?.Code ?? throw new UsageException($"无法识别的产品类别“{categoryText}”");
            var regionCode = regionText.Length == 0 || regionText == "全省" ? string.Empty
                : reference.FindRegion(regionText)?.Code ?? throw new UsageException($"无法识别的地区“{regionText}”");
            if (!WarningLevels.TryParse(parse.GetValue(level), out var newLevel))
            {
                throw new UsageException($"无法识别的预警级别“{parse.GetValue(level)}”（应为 I/II/III/IV、红/橙/黄/蓝 或 none）");
            }

            var result = RiskOverrides.Apply(connection, MonthArgument.Parse(parse.GetValue(month)), new RiskSubject(categoryCode, regionCode), newLevel,
                parse.GetValue(reason)!, parse.GetValue(user)!, DateTime.UtcNow);
            parse.InvocationConfiguration.Output.WriteLine(
                $"已调整：{(regionCode.Length == 0 ? "全省" : reference.Region(regionCode).Name)}{reference.Category(categoryCode).Name} " +
                $"{result.From.ChineseLabel()} → {result.To.ChineseLabel()}，已记入审计日志");
            return RiskMonitorCli.Success;
        });
        return command;
    }

    /// <summary>A level column as I/II/III/IV, empty for none (and for NULL).</summary>
    private static string Roman(string column) => $"CASE {column} WHEN 4 THEN 'I' WHEN 3 THEN 'II' WHEN 2 THEN 'III' WHEN 1 THEN 'IV' ELSE '' END";

    private static readonly string CsvSql = $"""
        SELECT strftime(a.month, '%Y-%m') AS month, c.name AS category, coalesce(r.name, '') AS region,
               {Roman("a.rule_level")} AS rule_level,
               {Roman("a.model_level")} AS model_level,
               {Roman("a.level")} AS level,
               a.score, a.explanation, a.category_code, a.region_code, round(a.model_probability, 4) AS model_probability,
               {Roman("a.override_level")} AS override_level,
               coalesce(a.override_reason, '') AS override_reason, coalesce(a.override_by, '') AS override_by
        FROM risk_assessments a
        JOIN dim_category c ON c.code = a.category_code
        LEFT JOIN dim_region r ON r.code = nullif(a.region_code, '')
        WHERE a.month = $1 AND a.subject_kind IN ('category', 'category_region')
        ORDER BY a.level DESC, a.score DESC, a.category_code, a.region_code
        """;

    private static readonly string TableSql = $"""
        SELECT row_number() OVER (ORDER BY a.level DESC, a.score DESC, a.category_code, a.region_code) AS 排名,
               c.name AS 产品类别, coalesce(r.name, '全省') AS 地区,
               {Roman("a.rule_level")} AS 规则分级,
               {Roman("a.model_level")} AS 模型分级,
               {Roman("a.level")} AS 最终级别,
               CASE WHEN a.override_level IS NOT NULL THEN '人工调整' ELSE '' END AS 调整, a.score AS 评分,
               left(a.explanation, 60) AS 依据摘要
        FROM risk_assessments a
        JOIN dim_category c ON c.code = a.category_code
        LEFT JOIN dim_region r ON r.code = nullif(a.region_code, '')
        WHERE a.month = $1 AND a.subject_kind IN ('category', 'category_region')
        QUALIFY 排名 <= 20 OR a.level > 0
        ORDER BY 排名
        """;
}
