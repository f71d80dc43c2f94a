using RiskMonitor.Analytics.Assessment;

namespace RiskMonitor.Tests.Analytics.Assessment;

public sealed class FactorScalesTests
{
    private static readonly RiskRuleOptions Options = new();

    [Fact]
    public void Harm_Death_IsFourEvenWithoutAnElevatedSignal()
    {
        var e = Evidence.Of(Evidence.Month0() with { Deaths = 1 });
        FactorScales.Harm(e).Should().Be(4);
        FactorScales.Harm(Evidence.Of(Evidence.Month0() with { DeathComplaints = 1 })).Should().Be(4);
    }

    [Theory]
    // Five hospitalisations from a hazard that can kill (severity 4): a fatal outcome is imminent, 4.
    [InlineData(5, 0, 0, 0, 4, 4)]
    // Five hospitalisations, worst hazard severity 3 (burns): hospitalisation, 3.
    [InlineData(5, 0, 0, 0, 3, 3)]
    // One hospitalisation: 3; three injury complaints count as hospitalisation too.
    [InlineData(1, 0, 0, 0, 4, 3)]
    [InlineData(0, 3, 0, 0, 4, 3)]
    // One injury complaint, or one failed safety item: emergency treatment, 2.
    [InlineData(0, 1, 0, 0, 4, 2)]
    [InlineData(0, 0, 1, 0, 4, 2)]
    // Only a hazard complaint: minor, 1. Nothing at all: 0.
    [InlineData(0, 0, 0, 1, 2, 1)]
    [InlineData(0, 0, 0, 0, 0, 0)]
    public void Harm_FollowsTheEuSeverities(int injuries, int injuryComplaints, int safetyFailures, int hazardComplaints, int severity, int expected)
    {
        var month = Evidence.Month0() with
        {
            Injuries = injuries, InjuryComplaints = injuryComplaints, SafetyFailures = safetyFailures, Failures = safetyFailures,
            HazardComplaints = hazardComplaints, MaxHazardSeverity = severity,
        };
        FactorScales.Harm(Evidence.Of(month, hazardElevated: true)).Should().Be(expected);
    }

    [Fact]
    public void Harm_RisingHazardOfSeverityThree_IsEmergencyTreatment()
    {
        var e = Evidence.Of(Evidence.Month0() with { HazardComplaints = 4 }, hazardElevated: true, hazards: [Evidence.Rising("burn", 3)]);
        FactorScales.Harm(e).Should().Be(2);
    }

    [Fact]
    public void Harm_WhenTheHazardSignalIsNotElevated_IsCappedAtOne()
    {
        // Background hospitalisations in a month where only complaints rose (the kettle's media spike): harm of what rises.
        var e = Evidence.Of(Evidence.Month0() with { Injuries = 2, MaxHazardSeverity = 4, Complaints = 200 }, concernElevated: true);
        FactorScales.Harm(e).Should().Be(1);
    }

    [Fact]
    public void Urgency_MajorReport_IsFour()
    {
        FactorScales.Urgency(Evidence.Of(Evidence.Month0() with { MajorReports = 1 }), Options).Should().Be(4);
    }

    [Fact]
    public void Urgency_StrongFastRise_IsFour()
    {
        // S = 20 after 3: growth 21/4 = 5.25 ≥ 4; noise threshold 2 + 3·√2 = 6.24, strength 20/6.24 = 3.2 ≥ 2.
        var e = Evidence.Of(Evidence.Month0() with { HazardComplaints = 20 }, expected: 2, hazardElevated: true, previousSignal: 3);
        FactorScales.Urgency(e, Options).Should().Be(4);
    }

    [Fact]
    public void Urgency_DoublingWithoutStrength_IsThree()
    {
        // S = 9 after 4: growth 10/5 = 2; threshold 4 + 3·2 = 10, strength 0.9.
        var e = Evidence.Of(Evidence.Month0() with { HazardComplaints = 9 }, expected: 4, hazardElevated: true, previousSignal: 4);
        FactorScales.Urgency(e, Options).Should().Be(3);
    }

    [Fact]
    public void Urgency_ConfirmedTwiceWithoutGrowth_IsTwo_AndOnceIsOne()
    {
        // S = 9 after 8: growth 10/9 = 1.1; threshold 4 + 6 = 10, strength 0.9.
        var month = Evidence.Month0() with { HazardComplaints = 9 };
        FactorScales.Urgency(Evidence.Of(month, expected: 4, hazardElevated: true, previousSignal: 8, alarms: 2), Options).Should().Be(2);
        FactorScales.Urgency(Evidence.Of(month, expected: 4, hazardElevated: true, previousSignal: 8, alarms: 1), Options).Should().Be(1);
    }

    [Fact]
    public void Urgency_GrowingButNotElevated_IsOne_AndQuietIsZero()
    {
        // Not elevated, S = 3 after 1: growth 4/2 = 2 ≥ 1.5 with S at the minimum signal 3.
        FactorScales.Urgency(Evidence.Of(Evidence.Month0() with { HazardComplaints = 3 }, previousSignal: 1), Options).Should().Be(1);
        FactorScales.Urgency(Evidence.Of(Evidence.Month0() with { HazardComplaints = 2 }, previousSignal: 0), Options).Should().Be(0);
    }

    [Theory]
    [InlineData(9, 4)]
    [InlineData(8, 3)]
    [InlineData(4, 3)]
    [InlineData(3, 2)]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public void Scope_ByDivisionsAffected(int regions, int expected)
    {
        var e = Evidence.Of(Evidence.Month0("") with { HazardComplaints = 5 }, hazardElevated: regions > 0, elevatedRegions: regions);
        FactorScales.Scope(e).Should().Be(expected);
    }

    [Fact]
    public void Scope_OnlineSalesAndManyProducers_AddOneEach_UpToFour()
    {
        // A division (1) + 8 of 10 complaints online (+1) + 3 producers, the largest with 40 % (+1) = 3.
        var month = Evidence.Month0() with { Complaints = 10, OnlineComplaints = 8, HazardProducers = 3, TopProducerShare = 0.4, HazardComplaints = 5 };
        FactorScales.Scope(Evidence.Of(month, hazardElevated: true)).Should().Be(3);
        // Nine divisions (4) and both additions stay at 4.
        FactorScales.Scope(Evidence.Of(month with { Subject = new RiskSubject("TY01", "") }, hazardElevated: true, elevatedRegions: 9)).Should().Be(4);
        // One producer holding 85 %: one culprit, not an industry problem; 7 of 10 online is short of three quarters: 1.
        FactorScales.Scope(Evidence.Of(month with { OnlineComplaints = 7, TopProducerShare = 0.85 }, hazardElevated: true)).Should().Be(1);
    }

    [Theory]
    // S = 10 against 1: P(X ≥ 10 | 1) = 1.1e-7, beyond noise; ratio 10 ≥ 8: 4.
    [InlineData(10, 1.0, 4)]
    // S = 9 against 2: P = 2.4e-4 ≤ 0.001; ratio 4.5 ≥ 4: 3.
    [InlineData(9, 2.0, 3)]
    // S = 8 against 2: P(X ≥ 8 | 2) = 0.0011 > 0.001, within noise however large the ratio: 0.
    [InlineData(8, 2.0, 0)]
    // S = 12 against 3: P = 7.1e-5; ratio 4: 3.
    [InlineData(12, 3.0, 3)]
    // S = 5 against nothing: expectation floored at 0.5 for the test (P = 1.7e-4) and the ratio (10): 4.
    [InlineData(5, 0.0, 4)]
    public void Frequency_RatioBands_OnlyBeyondPoissonNoise(int signal, double expected, int score)
    {
        var e = Evidence.Of(Evidence.Month0() with { HazardComplaints = signal }, expected: expected, hazardElevated: true);
        FactorScales.Frequency(e, Options).Should().Be(score);
    }

    [Fact]
    public void Frequency_DivisionFarAboveTheRestOfTheProvincePerResident_AddsOne()
    {
        var month = Evidence.Month0() with { HazardComplaints = 9 };
        FactorScales.Frequency(Evidence.Of(month, expected: 2, hazardElevated: true, relativeRate: 3.0), Options).Should().Be(4);
        FactorScales.Frequency(Evidence.Of(month, expected: 2, hazardElevated: true, relativeRate: 2.9), Options).Should().Be(3);
    }

    [Fact]
    public void Frequency_ComplaintsOnly_UsesComplaintsAgainstTheirExpectation()
    {
        // 211 complaints against 43 (the kettle's spike): ratio 4.9: 3; the hazard signal (4 against 5) is not elevated.
        var e = Evidence.Of(Evidence.Month0("") with { Complaints = 211, HazardComplaints = 4 }, expected: 5, concernElevated: true, expectedComplaints: 43);
        FactorScales.Frequency(e, Options).Should().Be(3);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(5, 3)]
    [InlineData(6, 4)]
    [InlineData(12, 4)]
    public void Duration_ByConsecutiveElevatedMonths(int months, int expected) => FactorScales.Duration(months).Should().Be(expected);
}
