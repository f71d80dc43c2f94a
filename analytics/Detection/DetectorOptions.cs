namespace RiskMonitor.Analytics.Detection;

/// <summary>What the analyst chose on the command line: <c>riskmonitor detect --method M [--alpha A] [--baseline N] FILE</c>.</summary>
/// <param name="Method">One of <see cref="DetectorFactory.Methods"/>.</param>
/// <param name="Alpha">One-sided alpha; null takes the method default. CUSUM has no alpha.</param>
/// <param name="Baseline">Baseline periods for EARS and CUSUM, years back (b) for Farrington; null takes the default.</param>
/// <param name="MinSigma">Lower bound on the baseline standard deviation (EARS, CUSUM).</param>
/// <param name="Frequency">Periods per year; null infers it from the period labels (Farrington needs it).</param>
public sealed record DetectorOptions(string Method, double? Alpha = null, int? Baseline = null, double MinSigma = 0, int? Frequency = null);
