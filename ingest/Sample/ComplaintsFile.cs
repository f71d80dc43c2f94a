using System.Globalization;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>Writes one month of 12315 complaints, day by day in time order, so at most one day's drafts are ever held.</summary>
internal static class ComplaintsFile
{
    private const double SafetyShare = 0.08;
    private const double InjuryShare = 0.2;

    private static readonly string[] Channels = ["电话", "网络", "微信", "APP"];
    private static readonly double[] ChannelWeights = SampleRandom.Cumulative([35, 30, 20, 15]);
    private static readonly string[] Platforms = ["淘宝", "京东", "拼多多", "抖音", "天猫", "快手"];

    /// <summary>A complaint before its details are drawn: when, about what, where, and from which scenario burst (-1 for none).</summary>
    private readonly record struct Draft(int Second, int Sequence, int Category, int Region, int Burst);

    public static SampleFile Write(FilePlan plan, SampleWorld world)
    {
        var random = SampleRandom.For(world.Options.Seed, plan.Schema.Name, plan.MonthIndex);
        var categories = world.Reference.Categories;
        var regions = world.Divisions;
        var means = new double[categories.Count, regions.Count];
        var expected = 0.0;
        for (var c = 0; c < categories.Count; c++)
        {
            for (var r = 0; r < regions.Count; r++)
            {
                expected += means[c, r] = world.ComplaintMean(categories[c], regions[r], plan.MonthIndex);
            }
        }

        var bursts = world.Scenarios.SelectMany(s => s.Complaints(plan.MonthIndex)).ToList();
        expected += bursts.Sum(b => b.Expected);

        var month = plan.Month;
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        var serial = 0;
        var drafts = new List<Draft>();
        using var sheet = new SampleSheet(plan, (long)expected, random);
        for (var day = 1; day <= days; day++)
        {
            drafts.Clear();
            for (var c = 0; c < categories.Count; c++)
            {
                for (var r = 0; r < regions.Count; r++)
                {
                    for (var n = random.Poisson(means[c, r] / days); n > 0; n--)
                    {
                        drafts.Add(new Draft(TimeOfDay(random), drafts.Count, c, r, -1));
                    }
                }
            }

            for (var b = 0; b < bursts.Count; b++)
            {
                var (c, r) = (IndexOf(categories, bursts[b].Category), IndexOf(regions, bursts[b].Region));
                for (var n = random.Poisson(bursts[b].Expected / days); n > 0; n--)
                {
                    drafts.Add(new Draft(TimeOfDay(random), drafts.Count, c, r, b));
                }
            }

            drafts.Sort((x, y) => x.Second != y.Second ? x.Second.CompareTo(y.Second) : x.Sequence.CompareTo(y.Sequence));
            var date = new DateTime(month.Year, month.Month, day, 0, 0, 0, DateTimeKind.Unspecified);
            foreach (var draft in drafts)
            {
                var burst = draft.Burst >= 0 ? bursts[draft.Burst] : null;
                sheet.Write(Row(plan, world, random, ++serial, date.AddSeconds(draft.Second), categories[draft.Category], regions[draft.Region], burst));
            }
        }

        return new SampleFile(plan.Path, plan.Schema.Name, month, plan.EncodingName, sheet.Rows);
    }

    private static string?[] Row(
        FilePlan plan, SampleWorld world, Random random, int serial, DateTime receivedAt, ProductCategory category, Region region,
        ComplaintBurst? burst)
    {
        var producer = burst?.Culprit is { } culprit && random.Chance(burst.CulpritShare) ? culprit : world.Producers.Pick(category, random);
        var model = random.Pick(producer.Models);
        var online = random.Chance(0.45);
        var (tone, hazard, injury) = burst is not null
            ? (burst.Tone, burst.Hazard, random.Chance(burst.InjuryRate))
            : random.Chance(SafetyShare)
                ? (ComplaintTone.Incident, random.Pick(category.Hazards), random.Chance(InjuryShare))
                : (ComplaintTone.Ordinary, (string?)null, false);
        var story = new ComplaintStory(category, producer, model, online ? random.Pick(Platforms) : null, tone, hazard, injury);

        var row = new string?[ComplaintColumn.Schema.Columns.Count];
        row[ComplaintColumn.Id] = string.Create(CultureInfo.InvariantCulture, $"12315-{receivedAt:yyyyMM}-{serial:000000}");
        row[ComplaintColumn.ReceivedAt] = plan.DateStyle.Format(receivedAt);
        row[ComplaintColumn.Region] = plan.Layout.RegionText(region, random);
        row[ComplaintColumn.Category] = plan.Layout.CategoryText(category, random);
        row[ComplaintColumn.Producer] = random.Chance(0.12) ? null : producer.Name;
        row[ComplaintColumn.Brand] = random.Chance(0.1) ? null : producer.Brand;
        row[ComplaintColumn.Model] = random.Chance(0.15) ? null : model;
        row[ComplaintColumn.Channel] = Channels[random.PickCumulative(ChannelWeights)];
        row[ComplaintColumn.Online] = online ? "是" : "否";
        row[ComplaintColumn.Text] = ComplaintTexts.Compose(story, region, random);
        row[ComplaintColumn.Name] = PersonalData.Name(random);
        row[ComplaintColumn.Phone] = random.Chance(0.08) ? null : PersonalData.Mobile(random);
        return row;
    }

    /// <summary>Seconds after midnight: mostly office and evening hours, a few at night.</summary>
    private static int TimeOfDay(Random random) => random.Chance(0.9) ? (8 * 3600) + random.Next(14 * 3600) : random.Next(24 * 3600);

    private static int IndexOf<T>(IReadOnlyList<T> items, T item) where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (ReferenceEquals(items[i], item))
            {
                return i;
            }
        }

        throw new InvalidOperationException("a scenario refers to a category or region outside the reference data");
    }
}
