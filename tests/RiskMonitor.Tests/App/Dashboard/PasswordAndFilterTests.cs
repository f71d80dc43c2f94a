using Microsoft.AspNetCore.Http;
using RiskMonitor.App.Dashboard;
using RiskMonitor.Core.Domain;

namespace RiskMonitor.Tests.App.Dashboard;

public sealed class PasswordAndFilterTests
{
    [Fact]
    public void PasswordHash_VerifiesItsOwnPasswordOnly_AndRejectsMalformedHashes()
    {
        var hash = PasswordHash.Create("正确的密码", iterations: 10_000);
        hash.Should().StartWith("pbkdf2-sha256$10000$");
        PasswordHash.Verify("正确的密码", hash).Should().BeTrue();
        PasswordHash.Verify("错误的密码", hash).Should().BeFalse();
        PasswordHash.Create("正确的密码", iterations: 10_000).Should().NotBe(hash, "every hash has its own salt");
        foreach (var broken in new[] { "", "plain", "pbkdf2-sha256$10$AAAA$AAAA", "md5$10000$AAAA$AAAA", "pbkdf2-sha256$10000$!!$??" })
        {
            PasswordHash.Verify("x", broken).Should().BeFalse(broken);
        }
    }

    [Fact]
    public void Settings_Verify_NeedsAKnownRoleNameAndPassword()
    {
        var settings = new DashboardSettings
        {
            Users =
            [
                new() { Name = "a", Role = DashboardRoles.Analyst, PasswordHash = PasswordHash.Create("pa", 10_000) },
                new() { Name = "root", Role = "admin", PasswordHash = PasswordHash.Create("pr", 10_000) },
            ],
        };
        settings.Verify("a", "pa")!.Role.Should().Be(DashboardRoles.Analyst);
        settings.Verify("A", "pa").Should().BeNull("names are exact");
        settings.Verify("a", "pb").Should().BeNull();
        settings.Verify("root", "pr").Should().BeNull("only the three dashboard roles sign in");
        settings.Verify(null, null).Should().BeNull();
    }

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
