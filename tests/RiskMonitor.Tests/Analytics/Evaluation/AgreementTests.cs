using RiskMonitor.Analytics.Evaluation;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Tests.Analytics.Evaluation;

public sealed class AgreementTests
{
    [Fact]
    public void QuadraticKappa_HandComputed()
    {
        // Truth none, none, IV, IV; assessed none, IV, IV, IV. Weights (i − j)²/16.
        // Observed disagreement: w(0,1)·¼ = 1/64. Marginals: truth ½, ½; assessed ¼, ¾.
        // Expected: w(0,1)·½·¾ + w(1,0)·½·¼ = (1/16)·½ = 1/32. κ = 1 − (1/64)/(1/32) = 0.5.
        var agreement = Agreement.Of([
            (WarningLevel.None, WarningLevel.None), (WarningLevel.None, WarningLevel.IV),
            (WarningLevel.IV, WarningLevel.IV), (WarningLevel.IV, WarningLevel.IV),
        ]);

        agreement.QuadraticKappa.Should().BeApproximately(0.5, 1e-12);
        agreement.Accuracy.Should().Be(0.75);
        agreement.Confusion[0, 1].Should().Be(1);
        agreement.Total.Should().Be(4);
    }

    [Fact]
    public void QuadraticKappa_FarMissesCostMoreThanNearOnes()
    {
        // The same single miss of a level-I risk: assessed II (one step) against assessed none (four steps).
        WarningLevel[] truth = [WarningLevel.None, WarningLevel.None, WarningLevel.I, WarningLevel.I];
        var near = Agreement.Of(truth.Zip([WarningLevel.None, WarningLevel.None, WarningLevel.I, WarningLevel.II]));
        var far = Agreement.Of(truth.Zip([WarningLevel.None, WarningLevel.None, WarningLevel.I, WarningLevel.None]));

        // Near: observed (1/16)·¼ = 1/64; marginals truth ½ none ½ I, assessed ½ none ¼ II ¼ I;
        // expected = ½·¼·(9/16) + ½·¼·1 + ½·½·1 + ½·¼·(1/16) = 9/128 + 16/128 + 32/128 + 1/128 = 58/128; κ = 1 − (2/128)/(58/128) = 28/29.
        near.QuadraticKappa.Should().BeApproximately(28.0 / 29, 1e-12);
        // Far: observed 1·¼; assessed ¾ none ¼ I; expected = ½·¼·1 + ½·¾·1 = ½; κ = 1 − ¼/½ = 0.5.
        far.QuadraticKappa.Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void QuadraticKappa_OneClassEverywhere_IsOne()
    {
        Agreement.Of([(WarningLevel.None, WarningLevel.None), (WarningLevel.None, WarningLevel.None)]).QuadraticKappa.Should().Be(1);
    }
}
