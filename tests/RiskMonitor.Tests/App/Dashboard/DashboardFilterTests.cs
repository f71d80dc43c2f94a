using Microsoft.AspNetCore.Http;
using RiskMonitor.App.Dashboard;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Tests.App.Dashboard;

public sealed class DashboardFilterTests
{
    [Fact]
    public void Filter_FromQueryString_KeepsWellFormedValuesAndNeutralisesTheRest()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?month=2026-10&level=4&region=420100&category=EB01&batch=7");
        DashboardFilter.From(context.Request).Should().Be(new DashboardFilter(new DateOnly(2026, 10, 1), WarningLevel.I, "420100", "EB01", null, 7));

        context.Request.QueryString = new QueryString("?month=2026-13&level=9&region=%27%20OR%201%3D1&category=");
        var filter = DashboardFilter.From(context.Request);
        filter.Month.Should().BeNull();
        filter.Level.Should().BeNull();
        filter.Region.Should().Be("\u0000", "a malformed code matches nothing instead of everything");
        filter.Category.Should().BeNull();
    }

    [Theory]
    [InlineData("字段“phone”的值“13912345678”无效", "字段“phone”的值“139******78”无效")]
    [InlineData("第 12 行，编号 2024", "第 12 行，编号 2024")]
    public void MaskDigits_HidesLongDigitRuns(string text, string expected) => DashboardQueries.MaskDigits(text).Should().Be(expected);
}
