using RiskMonitor.Core.Data;
using RiskMonitor.Ingest.Mapping;
using RiskMonitor.Ingest.Normalisation;

namespace RiskMonitor.Ingest.Sources;

/// <summary>12315 complaints: one row per complaint, keyed by its registration number.</summary>
public sealed class ComplaintSchema(PersonalData personalData, TextSignals signals) : SourceSchema
{
    public override IngestSource Source => IngestSource.Complaints;

    public override string FactTable => "fact_complaint";

    /// <summary>Where complainant_key stands among fact_complaint's columns (0-based).</summary>
    private const int KeyColumn = 16;

    private ComplainantKeyBatch? _keys;

    public override bool LoadsDirect => true;

    /// <summary>Complainant keys are hashed a chunk at a time: each row gets a placeholder that the chunk's keys replace.</summary>
    public override void Prepare(DuckDbChunkAppender target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var keys = _keys = new ComplainantKeyBatch(personalData);
        target.ChunkCompleting = _ => keys.Complete(target, KeyColumn);
    }

    public override string KeyExpression => "complaint_id";

    /// <summary>Every fact column but the batch, the line and the month (which follows from the time).</summary>
    public override IEnumerable<string> ContentColumnNames =>
    [
        "complaint_id", "received_at", "region_code", "category_code", "producer", "brand", "model", "channel", "online", "text",
        "hazards", "injury", "death", "complainant_key", "complainant_name", "complainant_phone",
    ];

    /// <summary>Appends a row of <c>fact_complaint</c> in its column order.</summary>
    public override bool TryStage(FieldReader fields, DuckDbChunkAppender target, long batchId, long line)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(target);
        var id = fields.Text("complaint_id", required: true);
        var receivedAt = fields.DateTime("received_at", required: true);
        var region = fields.Region("region", required: true);
        var category = fields.Category("category", required: true);
        var online = fields.YesNo("online");
        var text = fields.Text("text", required: true);
        if (fields.Problems.Count > 0)
        {
            return false;
        }

        var name = fields.Text("complainant_name");
        var phone = fields.Text("complainant_phone");
        var signal = signals.Read(text!);
        var at = receivedAt!.Value;
        target.Append(id).Append(batchId).Append(line).Append(at).Append(new DateOnly(at.Year, at.Month, 1))
            .Append(region!.Code).Append(category!.Code)
            .Append(fields.Text("producer")).Append(fields.Text("brand")).Append(fields.Text("model")).Append(fields.Text("channel"))
            .Append(online).Append(PersonalData.MaskText(text!)).Append(signal.Hazards)
            .Append(signal.Injury).Append(signal.Death)
            .Append(_keys is null ? personalData.ComplainantKey(name, phone) : _keys.Add(target.RowInChunk, name, phone) ? string.Empty : null)
            .Append(PersonalData.MaskName(name)).Append(PersonalData.MaskPhone(phone));
        return true;
    }

    /// <summary>The row with the complainant's name and phone masked and phone or ID numbers in any cell masked.</summary>
    public override string QuarantineText(FieldReader fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var cells = fields.Row.Cells;
        var (name, phone) = (fields.ColumnOf("complainant_name"), fields.ColumnOf("complainant_phone"));
        var masked = new string[cells.Count];
        for (var i = 0; i < masked.Length; i++)
        {
            masked[i] = i == name ? PersonalData.MaskName(cells[i]) ?? string.Empty
                : i == phone ? PersonalData.MaskPhone(cells[i]) ?? string.Empty
                : PersonalData.MaskText(cells[i]);
        }

        return JoinCells(masked);
    }

    public override string Protect(string reason) => PersonalData.MaskText(reason);
}
