using RiskMonitor.App.Configuration;
using RiskMonitor.Core;
using RiskMonitor.Warnings.Approval;
using Microsoft.Extensions.Configuration;

namespace RiskMonitor.Tests.Warnings.Approval;

public sealed class UserDirectoryTests
{
    private static readonly string Hash = PasswordHasher.Hash("s3cret", iterations: 1000);

    [Fact]
    public void Hash_VerifiesItsPasswordOnly_AndCarriesItsParameters()
    {
        var hash = PasswordHasher.Hash("正确的密码", iterations: 1000);

        hash.Should().MatchRegex(@"^pbkdf2-sha256\$1000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$");
        PasswordHasher.Verify("正确的密码", hash).Should().BeTrue();
        PasswordHasher.Verify("错误的密码", hash).Should().BeFalse();
        PasswordHasher.Hash("正确的密码", iterations: 1000).Should().NotBe(hash, "every hash has its own salt");
        PasswordHasher.Verify("x", "md5$abc").Should().BeFalse();
    }

    [Fact]
    public void Hash_MatchesAnIndependentPbkdf2()
    {
        // PBKDF2-HMAC-SHA256("demo-approver-2026", salt, 600000, 32), computed outside .NET (Python hashlib.pbkdf2_hmac).
        const string Computed = "pbkdf2-sha256$600000$ESSVMEakZ/X+N6eazn8jAQ==$aNaCNU2wOvrqzU4yLOrmuYGzeBzJYrzswz76J3RXGE0=";

        PasswordHasher.Verify("demo-approver-2026", Computed).Should().BeTrue();
    }

    [Fact]
    public void Directory_FindsUsersIgnoringCase_AndAuthenticates()
    {
        var users = new UserDirectory([new UserAccount("Wang.ShenPi", UserRole.Approver, Hash)]);

        users.Find("wang.shenpi")!.Role.Should().Be(UserRole.Approver);
        users.Find("nobody").Should().BeNull();
        users.Authenticate("wang.shenpi", "s3cret")!.Name.Should().Be("Wang.ShenPi");
        users.Authenticate("wang.shenpi", "guess").Should().BeNull();
    }

    [Fact]
    public void Directory_WithBadEntries_NamesEveryOneAtOnce()
    {
        var act = () => new UserDirectory(
        [
            new UserAccount("", UserRole.Viewer, Hash),
            new UserAccount("system", UserRole.Approver, Hash),
            new UserAccount("li", UserRole.Analyst, "plain-text-password"),
            new UserAccount("LI", UserRole.Viewer, Hash),
        ]);

        act.Should().Throw<RiskMonitorException>().WithMessage(
            "用户配置有误：第1个用户缺少用户名；用户“system”：“system”为系统保留名；用户“li”的密码哈希格式不正确（应为 pbkdf2-sha256$迭代次数$盐$哈希）；用户名“li”重复");
    }

    [Fact]
    public void Configuration_ReadsUsersAndRoles_AndRejectsAnUnknownRole()
    {
        var good = Config(("Users:0:Name", "li"), ("Users:0:Role", "分析员"), ("Users:0:PasswordHash", Hash),
            ("Users:1:Name", "wang"), ("Users:1:Role", "Approver"), ("Users:1:PasswordHash", Hash), ("Users:1:DemoOnly", "true"));
        var users = WarningsConfiguration.Users(good);
        users.Users.Select(u => (u.Name, u.Role, u.DemoOnly)).Should().BeEquivalentTo(new[] { ("li", UserRole.Analyst, false), ("wang", UserRole.Approver, true) });

        var bad = Config(("Users:0:Name", "zhao"), ("Users:0:Role", "admin"), ("Users:0:PasswordHash", Hash));
        var act = () => WarningsConfiguration.Users(bad);
        act.Should().Throw<RiskMonitorException>().WithMessage("*角色“admin”无法识别*");
    }

    [Fact]
    public void ShippedConfiguration_HasOneDemoUserPerRole_WhosePasswordsAreDocumented()
    {
        var users = WarningsConfiguration.Users(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build());

        users.Users.Select(u => (u.Name, u.Role)).Should().BeEquivalentTo(new[]
        {
            ("demo-analyst", UserRole.Analyst), ("demo-approver", UserRole.Approver), ("demo-viewer", UserRole.Viewer),
        });
        users.Users.Should().OnlyContain(u => u.DemoOnly);
        users.Authenticate("demo-viewer", "demo-viewer-2026").Should().NotBeNull();
    }

    [Fact]
    public void LifecycleOptions_AreReadWithDefaults_AndEveryBadValueIsNamed()
    {
        WarningsConfiguration.Lifecycle(Config(("WarningLifecycle:CalmMonths", "3"))).Should().Be(new RiskMonitor.Warnings.Lifecycle.LifecycleOptions(CalmMonths: 3));

        var act = () => WarningsConfiguration.Lifecycle(Config(("WarningLifecycle:CalmMonths", "0"), ("WarningLifecycle:FeedbackDays", "400")));

        act.Should().Throw<RiskMonitorException>().WithMessage("预警生命周期配置有误：CalmMonths 应在 1 到 24 之间（当前 0）；FeedbackDays 应在 1 到 90 之间（当前 400）");
    }

    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
