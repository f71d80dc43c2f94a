using System.Diagnostics;
using RiskMonitor.Warnings.Approval;

namespace RiskMonitor.Tests.App;

/// <summary><c>riskmonitor users</c> in its own process: the password arrives on standard input, as a script would give it.</summary>
public sealed class UsersCommandTests
{
    [Fact]
    public async Task Hash_FromStandardInput_PrintsAHashThatVerifiesThePassword()
    {
        var (code, output, _) = await Run(["users", "hash", "--iterations", "100000"], "审批人的长密码-2026\n");

        code.Should().Be(0);
        var hash = output.Trim();
        hash.Should().StartWith("pbkdf2-sha256$100000$");
        PasswordHasher.Verify("审批人的长密码-2026", hash).Should().BeTrue();
        PasswordHasher.Verify("审批人的长密码-2025", hash).Should().BeFalse();
    }

    [Fact]
    public async Task Hash_OfAShortPassword_IsRefusedInChinese()
    {
        var (code, output, error) = await Run(["users", "hash"], "short\n");

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain("密码至少需要 10 个字符");
    }

    [Fact]
    public async Task List_ShowsTheShippedDemoAccounts_WithTheirRolesAndAWarning()
    {
        var (code, output, _) = await Run(["users", "list"], string.Empty);

        code.Should().Be(0);
        output.Should().Contain("demo-approver\t审批人（approver）").And.Contain("演示账户：生产环境请删除");
        output.Should().NotContain("pbkdf2", "hashes are not printed");
    }

    private static async Task<(int Code, string Output, string Error)> Run(string[] args, string input)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "riskmonitor.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
