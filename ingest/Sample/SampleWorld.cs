using RiskMonitor.Core.Domain;

namespace RiskMonitor.Ingest.Sample;

/// <summary>Everything the monthly files share, built once per run and only read afterwards (so files can be written in parallel).</summary>
internal sealed class SampleWorld
{
    private readonly double _shareTotal;
    private readonly double _populationTotal;

    public SampleWorld(SampleOptions options, ReferenceData reference)
    {
        Options = options;
        Reference = reference;
        Volumes = SampleVolumes.For(options.Scale);
        var first = options.ResolvedFirstMonth;
        Months = Enumerable.Range(0, options.Months).Select(first.AddMonths).ToList();
        Divisions = reference.Divisions.ToList();
        DivisionWeights = SampleRandom.Cumulative(Divisions.Select(d => d.Population10k));
        _shareTotal = reference.Categories.Sum(ComplaintShares.Of);
        _populationTotal = Divisions.Sum(d => d.Population10k);
        Producers = new ProducerPool(reference, options.Scale == SampleScale.Province ? 16 : 8, options.Seed);
        Scenarios = ScenarioPlanner.Place(new ScenarioContext(reference, Volumes, Months, options.Seed));
        Stations = StationRoster.Build(reference, Producers, Volumes.Stations, Scenarios.SelectMany(s => s.RequiredStations), options.Seed);
    }

    public SampleOptions Options { get; }

    public ReferenceData Reference { get; }

    public SampleVolumes Volumes { get; }

    /// <summary>The first day of every generated month, in order; files and scenarios refer to months by index here.</summary>
    public IReadOnlyList<DateOnly> Months { get; }

    public IReadOnlyList<Region> Divisions { get; }

    public IReadOnlyList<double> DivisionWeights { get; }

    public ProducerPool Producers { get; }

    public IReadOnlyList<Scenario> Scenarios { get; }

    public IReadOnlyList<Station> Stations { get; }

    /// <summary>1 for Wuhan … 17 for Shennongjia: the division's place in the dictionary, used in IDs.</summary>
    public int DivisionOrder(Region region)
    {
        for (var i = 0; i < Divisions.Count; i++)
        {
            if (Divisions[i] == region)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"{region.Name} is not a division", nameof(region));
    }

    public Region PickDivision(Random random) => Divisions[random.PickCumulative(DivisionWeights)];

    /// <summary>The ordinary (risk-free) monthly complaint count expected for a category in a division: share × population × season.</summary>
    public double ComplaintMean(ProductCategory category, Region region, int month)
    {
        var calendarMonth = Months[month].Month;
        return Volumes.Complaints * ComplaintShares.Of(category) / _shareTotal * region.Population10k / _populationTotal
            * Seasonality.Factor(category, calendarMonth) * Seasonality.Calendar(calendarMonth);
    }
}
