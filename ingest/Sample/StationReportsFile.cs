using System.Globalization;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>
/// Writes one month of station reports: every station, one row per category it watches (Art. 11's monthly reporting), mostly
/// "nothing unusual", with the ordinary trickle of cases for its kind, plus whatever scenarios make it report.
/// </summary>
internal static class StationReportsFile
{
    private static readonly string[] Quiet = ["本月未发现异常", "无", "未收到相关风险信息", "", "本月无相关情况"];

    public static SampleFile Write(FilePlan plan, SampleWorld world)
    {
        var random = SampleRandom.For(world.Options.Seed, plan.Schema.Name, plan.MonthIndex);
        var routed = Route(world, world.Scenarios.SelectMany(s => s.Signals(plan.MonthIndex)));
        var expected = world.Stations.Sum(s => s.Watches.Count);
        using var sheet = new SampleSheet(plan, expected, random);
        foreach (var station in world.Stations)
        {
            var extra = routed.Keys.Where(k => k.Station == station).Select(k => k.Category).Except(station.Watches);
            foreach (var category in station.Watches.Concat(extra))
            {
                var signals = routed.GetValueOrDefault((station, category)) ?? [];
                sheet.Write(Row(plan, world, random, station, category, signals));
            }
        }

        return new SampleFile(plan.Path, plan.Schema.Name, plan.Month, plan.EncodingName, sheet.Rows);
    }

    /// <summary>Each signal goes to the first station of its kind in its division, preferring one that watches the category; none there, it is lost.</summary>
    private static Dictionary<(Station Station, ProductCategory Category), List<StationSignal>> Route(SampleWorld world, IEnumerable<StationSignal> signals)
    {
        var routed = new Dictionary<(Station, ProductCategory), List<StationSignal>>();
        foreach (var signal in signals)
        {
            var candidates = world.Stations.Where(s => s.Kind == signal.Kind && s.Region == signal.Region).ToList();
            var station = candidates.FirstOrDefault(s => s.Watches.Contains(signal.Category)) ?? candidates.FirstOrDefault();
            if (station is not null)
            {
                var key = (station, signal.Category);
                if (!routed.TryGetValue(key, out var list))
                {
                    routed[key] = list = [];
                }

                list.Add(signal);
            }
        }

        return routed;
    }

    private static string?[] Row(
        FilePlan plan, SampleWorld world, Random random, Station station, ProductCategory category, List<StationSignal> signals)
    {
        int cases, injuries, deaths = 0;
        string? hazard = null;
        string description;
        var major = false;
        if (signals.Count == 0)
        {
            var harmful = category.Hazards.Where(h => h != "labelling").ToList();
            cases = random.Poisson(BackgroundCases(world, station, category, plan.MonthIndex));
            hazard = cases > 0 ? random.Pick(station.Kind == StationKind.Hospital && harmful.Count > 0 ? harmful : category.Hazards) : null;
            injuries = station.Kind == StationKind.Hospital ? cases : 0;
            description = cases > 0 ? Describe(station, category, hazard!, cases, world.Reference) : random.Pick(Quiet);
        }
        else
        {
            // A scenario's report replaces the ordinary one, so that counts and description agree.
            cases = signals.Sum(s => s.Cases);
            injuries = signals.Sum(s => s.Injuries);
            deaths = signals.Sum(s => s.Deaths);
            major = signals.Any(s => s.Major);
            hazard = signals.Select(s => s.Hazard).FirstOrDefault(h => h.Length > 0);
            description = string.Join("；", signals.Select(s => s.Description));
        }

        var row = new string?[StationColumn.Schema.Columns.Count];
        row[StationColumn.Id] = station.Id;
        row[StationColumn.Name] = station.Name;
        row[StationColumn.Kind] = station.KindName;
        row[StationColumn.Region] = plan.Layout.RegionText(station.Region, random);
        row[StationColumn.Month] = plan.MonthStyle.Format(plan.Month);
        row[StationColumn.Category] = plan.Layout.CategoryText(category, random);
        row[StationColumn.Hazard] = hazard is null ? null : world.Reference.FindHazard(hazard)?.Name;
        row[StationColumn.Cases] = cases.ToString(CultureInfo.InvariantCulture);
        row[StationColumn.Injuries] = injuries.ToString(CultureInfo.InvariantCulture);
        row[StationColumn.Deaths] = deaths.ToString(CultureInfo.InvariantCulture);
        row[StationColumn.Description] = description;
        row[StationColumn.Major] = major ? "是" : "否";
        return row;
    }

    /// <summary>The ordinary monthly trickle: hospitals see injuries, complaint centres a twentieth of the complaints, others little.</summary>
    private static double BackgroundCases(SampleWorld world, Station station, ProductCategory category, int month) => station.Kind switch
    {
        StationKind.Hospital => category.Code == "EB01" ? 1.2 : 0.3,
        StationKind.ComplaintCentre => 0.05 * world.ComplaintMean(category, station.Region, month),
        StationKind.Lab => 0.3,
        StationKind.Association => 0.2,
        _ => 0.1,
    };

    private static string Describe(Station station, ProductCategory category, string hazardCode, int cases, ReferenceData reference)
    {
        var hazard = reference.FindHazard(hazardCode)?.Name ?? hazardCode;
        return station.Kind switch
        {
            StationKind.Hospital => $"接诊因{category.Name}致伤患者{cases}例（{hazard}），均为轻伤",
            StationKind.ComplaintCentre => $"受理{category.Name}涉及{hazard}的投诉{cases}件",
            StationKind.Lab => $"委托检验发现{category.Name}不合格{cases}批次",
            StationKind.Association => $"会员单位反映{category.Name}{hazard}问题{cases}起",
            _ => $"收到用户反馈{cases}起，已安排排查",
        };
    }
}
