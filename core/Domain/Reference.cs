namespace RiskMonitor.Core.Domain;

/// <summary>A prefecture-level division of Hubei (or the out-of-province bucket).</summary>
/// <param name="Code">The 6-digit administrative code (990000 for out of province).</param>
public sealed record Region(string Code, string Name, string ShortName, bool OutOfProvince, double Population10k, IReadOnlyList<string> Aliases);

/// <summary>A product category of the industrial consumer products catalogue.</summary>
/// <param name="Season">"winter", "summer" or empty: when complaints about it rise every year for ordinary reasons.</param>
/// <param name="Hazards">Hazard codes typical of the category.</param>
public sealed record ProductCategory(string Code, string Name, string Group, string Season, IReadOnlyList<string> Hazards, IReadOnlyList<string> Aliases);

/// <summary>A hazard type with its worst plausible injury severity (1–4, after the EU risk-assessment guidelines) and text keywords.</summary>
public sealed record Hazard(string Code, string Name, int Severity, IReadOnlyList<string> Keywords);
