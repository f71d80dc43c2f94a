using System.CommandLine;
using System.Text;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core;
using RiskMonitor.Warnings.Approval;

namespace RiskMonitor.App.Cli.Commands;

/// <summary>
/// <c>riskmonitor users list</c>: the configured accounts (one list for the dashboard and the CLI), validated;
/// <c>riskmonitor users hash</c>: the password hash to put in configuration, the password read without echo or from
/// standard input, never from the command line (where shell history and process lists would keep it).
/// </summary>
public static class UsersCommand
{
    /// <summary>Shorter passwords are refused.</summary>
    public const int MinimumPasswordLength = 10;

    public static Command Create()
    {
        var list = new Command("list", "列出已配置的用户（用户名、角色、是否演示账户），并检查配置");
        list.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var users = WarningsConfiguration.Users();
            if (users.Users.Count == 0)
            {
                output.WriteLine("未配置任何用户：仪表板无人可登录，预警无人可审批。请在 Users 配置节中添加用户。");
                return RiskMonitorCli.Success;
            }

            foreach (var user in users.Users.OrderBy(u => u.Role).ThenBy(u => u.Name, StringComparer.Ordinal))
            {
                output.WriteLine($"{user.Name}\t{user.Role.ChineseName()}（{user.Role.Code()}）{(user.DemoOnly ? "\t演示账户：生产环境请删除" : string.Empty)}");
            }

            if (!users.Users.Any(u => u.Role == UserRole.Approver))
            {
                output.WriteLine("注意：未配置审批人，预警通报无法获批发布。");
            }

            return RiskMonitorCli.Success;
        });

        var iterations = new Option<int>("--iterations")
        {
            Description = "PBKDF2 迭代次数（默认 600000）",
            DefaultValueFactory = _ => PasswordHasher.DefaultIterations,
        };
        var hash = new Command("hash", "生成密码哈希，填入 Users 配置节的 PasswordHash（交互输入时不回显，也可从标准输入读取一行）")
        {
            iterations,
        };
        hash.SetAction(parse =>
        {
            var rounds = parse.GetValue(iterations);
            if (rounds is < 100_000 or > 10_000_000)
            {
                throw new UsageException("--iterations 应在 100000 到 10000000 之间");
            }

            var password = ReadPassword(parse.InvocationConfiguration.Error);
            if (password.Length < MinimumPasswordLength)
            {
                throw new RiskMonitorException($"密码至少需要 {MinimumPasswordLength} 个字符。");
            }

            parse.InvocationConfiguration.Output.WriteLine(PasswordHasher.Hash(password, rounds));
            return RiskMonitorCli.Success;
        });

        return new Command("users", "用户账户：列出配置的用户，生成密码哈希") { list, hash };
    }

    /// <summary>From standard input when it is redirected (one line); otherwise typed twice at the terminal without echo.</summary>
    private static string ReadPassword(TextWriter prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? string.Empty;
        }

        prompt.Write("请输入密码：");
        var first = ReadHidden();
        prompt.Write("请再次输入：");
        var second = ReadHidden();
        prompt.WriteLine();
        return first == second ? first : throw new RiskMonitorException("两次输入的密码不一致。");
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
