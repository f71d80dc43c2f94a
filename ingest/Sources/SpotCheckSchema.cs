using RiskMonitor.Core.Data;
using RiskMonitor.Core.Domain;
using RiskMonitor.Ingest.Mapping;

namespace RiskMonitor.Ingest.Sources;

/// <summary>Spot-check (监督抽查) results: one row per sample, keyed by the sampling-form number, with its failed items.</summary>
public sealed class SpotCheckSchema(ReferenceData reference) : SourceSchema
{
    private const char ItemSeparator = '\u001f';
    private static readonly char[] FailedItemSeparators = ['；', ';', '、', ',', '，', '\n'];
    private static readonly string[] LabellingWords = ["标识", "标志", "标签", "说明书", "使用说明", "警示", "合格证", "铭牌", "中文"];

    public override IngestSource Source => IngestSource.SpotChecks;

    public override string FactTable => "fact_spot_check";

    public override string StagingColumns => """
        sample_id VARCHAR, task VARCHAR, sampled_at DATE, region_code VARCHAR, category_code VARCHAR, product VARCHAR,
        producer VARCHAR, producer_region_code VARCHAR, seller VARCHAR, online BOOLEAN, platform VARCHAR, spec VARCHAR, brand VARCHAR,
        production_batch VARCHAR, passed BOOLEAN, lab VARCHAR, report_date DATE, failed_items VARCHAR
        """;

    public override string KeyExpression => "sample_id";

    public override (string Columns, string Select) FactMapping => (
        "sample_id, batch_id, source_line, task, sampled_at, month, region_code, category_code, product, producer, producer_region_code, "
        + "seller, online, platform, spec, brand, production_batch, passed, lab, report_date",
        "sample_id, $1, source_line, task, sampled_at, CAST(date_trunc('month', sampled_at) AS DATE), region_code, category_code, product, "
        + "producer, producer_region_code, seller, online, platform, spec, brand, production_batch, passed, lab, report_date");

    public override bool TryStage(FieldReader fields, DuckDbChunkAppender target, long batchId, long line)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(target);
        var id = fields.Text("sample_id", required: true);
        var sampledAt = fields.Date("sampled_at", required: true);
        var region = fields.Region("region", required: true);
        var product = fields.Text("product");
        var category = fields.Category("category", required: true, fallbackText: product);
        var online = fields.YesNo("online");
        var reportDate = fields.Date("report_date");
        var result = fields.Text("result", required: true);
        bool? passed = result switch
        {
            null => null,
            "合格" or "符合" or "pass" or "Pass" or "PASS" => true,
            "不合格" or "不符合" or "fail" or "Fail" or "FAIL" => false,
            _ => null,
        };
        if (result is not null && passed is null)
        {
            fields.Reject("result", result, "应为“合格”或“不合格”");
        }

        if (fields.Problems.Count > 0)
        {
            return false;
        }

        var producerRegion = reference.FindRegion(fields.Text("producer_region"));
        target.Append(id).Append(fields.Text("task")).Append(sampledAt!.Value).Append(region!.Code).Append(category!.Code).Append(product)
            .Append(fields.Text("producer")).Append(producerRegion?.Code).Append(fields.Text("seller")).Append(online)
            .Append(fields.Text("platform")).Append(fields.Text("spec")).Append(fields.Text("brand")).Append(fields.Text("batch"))
            .Append(passed!.Value).Append(fields.Text("lab")).Append(reportDate).Append(EncodeItems(fields.Text("failed_items"))).Append(line);
        return true;
    }

    /// <summary>Failed items as "S:item" (safety) or "L:item" (labelling only), joined by a unit separator for the merge SQL.</summary>
    private static string? EncodeItems(string? items)
    {
        if (items is null)
        {
            return null;
        }

        var parts = items.Split(FailedItemSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(ItemSeparator, parts.Select(p => (IsLabellingOnly(p) ? "L:" : "S:") + p));
    }

    public static bool IsLabellingOnly(string item) => LabellingWords.Any(w => item.Contains(w, StringComparison.Ordinal));

    public override long DeleteReplaced(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute("DELETE FROM fact_spot_check_failed_item WHERE sample_id IN (SELECT sample_id FROM stage)");
        return base.DeleteReplaced(connection);
    }

    public override bool UsesKeptRows => true;

    public override void AfterMerge(DuckDbConnection connection, long batchId, bool replace)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Execute("""
            INSERT INTO fact_spot_check_failed_item
            SELECT s.sample_id, $1, substr(item, 3), starts_with(item, 'S:')
            FROM (SELECT sample_id, unnest(string_split(failed_items, chr(31))) AS item FROM stage_kept) s
            WHERE item <> ''
            """, batchId);
    }
}
