using Microsoft.Playwright;
using RiskMonitor.App.Dashboard;
using RiskMonitor.Core.Data;
using RiskMonitor.Tests.Reports;

namespace RiskMonitor.Tests.App.Dashboard;

/// <summary>End to end: the real <c>serve</c> process, signed into through its page in headless Chromium.</summary>
[Collection(ReportsWarehouseGroup.Name)]
public sealed class DashboardBrowserTests(ReportsWarehouseFixture warehouse) : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Dashboard_AnalystSignsIn_SeesOverviewChartsAndDrillsIntoARisk()
    {
        await using var session = await Open();
        var (serve, page) = (session.Serve, session.Page);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        var (name, password) = ServeProcess.Account(DashboardRoles.Analyst);
        await HeadlessChromium.SignIn(page, serve.Address, name, password);

        (await page.Locator("#who").TextContentAsync()).Should().Contain(name).And.Contain("风险分析员");
        foreach (var panel in new[] { "#panel-levels", "#panel-divisions" })
        {
            var (width, height) = await HeadlessChromium.ChartSize(page, panel);
            width.Should().BeGreaterThan(100, $"{panel} draws a chart");
            height.Should().BeGreaterThan(100);
        }

        (await page.Locator(".card .value").First.TextContentAsync()).Should().NotBeNullOrWhiteSpace();
        await page.ScreenshotAsync(new() { Path = Screenshot("overview.png"), FullPage = true });

        // The newest month may have no warned risk; look at the newest one that has.
        await page.Locator("#f-month").SelectOptionAsync(WarnedMonth());
        await page.Locator("#tabs button[data-view='risks']").ClickAsync();
        var rows = page.Locator("table[data-table='risks'] tbody tr");
        await rows.First.WaitForAsync();
        var firstRow = await rows.First.Locator("td").AllTextContentsAsync();
        await rows.First.ClickAsync();

        await page.Locator("#risk-head h2").WaitForAsync();
        (await page.Locator("#risk-head h2").TextContentAsync()).Should().Contain(firstRow[3], "the drill-down is of the clicked risk's category");
        foreach (var panel in new[] { "#panel-factors", "#panel-series" })
        {
            var (width, height) = await HeadlessChromium.ChartSize(page, panel);
            width.Should().BeGreaterThan(100, $"{panel} draws a chart");
            height.Should().BeGreaterThan(100);
        }

        await page.ScreenshotAsync(new() { Path = Screenshot("risk.png"), FullPage = true });
        File.Exists(Screenshot("risk.png")).Should().BeTrue();

        // The other views: warnings with notices, follow-up, ingest batches and one batch's quarantined rows.
        await page.Locator("#tabs button[data-view='warnings']").ClickAsync();
        await page.Locator("table[data-table='warnings'] tbody tr").First.WaitForAsync();
        (await page.Locator(".exports a").CountAsync()).Should().Be(2, "analysts may download CSV and Excel");
        (await page.Locator("button.approve").CountAsync()).Should().Be(0, "only approvers see approval buttons");
        await page.Locator("#tabs button[data-view='producers']").ClickAsync();
        await page.Locator("table[data-table='producers'] tbody tr").First.WaitForAsync();
        (await page.Locator("table[data-table='producers'] thead").InnerTextAsync()).Should().Contain("生产企业").And.Contain("危害程度");
        await page.Locator("#tabs button[data-view='followup']").ClickAsync();
        await page.Locator("table[data-table='followup']").WaitForAsync();
        await page.Locator("#tabs button[data-view='batches']").ClickAsync();
        await page.Locator("table[data-table='batches'] tbody tr").First.ClickAsync();
        await page.Locator("table[data-table='quarantine']").WaitForAsync();
        errors.Should().BeEmpty("the page runs without script errors");
    }

    [Fact]
    public async Task Dashboard_ATabClickedWhileThePageIsStillLoading_IsNotReplacedByTheOverview()
    {
        await using var session = await Open();
        var (serve, page) = (session.Serve, session.Page);
        // Hold the filter lists back, so that the click lands while the page is still setting itself up.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/meta", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var (name, password) = ServeProcess.Account(DashboardRoles.Analyst);
        await HeadlessChromium.SignIn(page, serve.Address, name, password);

        await page.Locator("#tabs button[data-view='warnings']").ClickAsync();
        await page.Locator("table[data-table='warnings']").WaitForAsync();
        release.SetResult();
        await page.Locator("#f-month option").Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForTimeoutAsync(500);

        (await page.Locator("#view .page").GetAttributeAsync("data-view")).Should().Be("warnings", "the analyst's click wins over the default view");
    }

    [Fact]
    public async Task Dashboard_ApproverApprovesAWarningFromThePage()
    {
        await using var session = await Open();
        var (serve, page) = (session.Serve, session.Page);
        var (name, password) = ServeProcess.Account(DashboardRoles.Approver);
        await HeadlessChromium.SignIn(page, serve.Address, name, password);

        await page.Locator("#tabs button[data-view='warnings']").ClickAsync();
        var approve = page.Locator("button.approve").First;
        try
        {
            await approve.WaitForAsync();
        }
        catch (TimeoutException)
        {
            // Say what the page and the server saw: a bare timeout tells nothing.
            var rows = await page.Locator("table[data-table='warnings'] tbody tr").AllInnerTextsAsync();
            throw new InvalidOperationException(
                $"no approval button; status “{await page.Locator("#status").InnerTextAsync()}”; {rows.Count} warning rows: " +
                $"{string.Join(" | ", rows.Take(5))}\nserve log:\n{serve.Log}");
        }

        var id = await approve.GetAttributeAsync("data-warning");
        await approve.ClickAsync();

        await page.Locator("#status").Filter(new() { HasText = $"已审批预警 {id}" }).WaitForAsync();
        await page.Locator($"button.approve[data-warning='{id}']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ScreenshotAsync(new() { Path = Screenshot("warnings.png"), FullPage = false });
    }

    private string WarnedMonth()
    {
        using var db = warehouse.OpenReadOnly();
        using var connection = db.Connect();
        return connection.ExecuteScalar<DateOnly>("SELECT max(month) FROM risk_assessments WHERE level > 0").ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The real serve over a copy of the reports warehouse, and a page in headless Chromium.</summary>
    private async Task<BrowserSession> Open()
    {
        var serve = await ServeProcess.Start(warehouse.CopyTo(_dir.File("w")), _dir.Path);
        var (playwright, browser) = await HeadlessChromium.Launch();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(120_000);
        return new BrowserSession(serve, playwright, browser, page);
    }

    private sealed record BrowserSession(ServeProcess Serve, IPlaywright Playwright, IBrowser Browser, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
            await Serve.DisposeAsync();
        }
    }

    /// <summary>Screenshots go to the test's temp folder, or to RISKMONITOR_TEST_SCREENSHOTS when set (to look at them).</summary>
    private string Screenshot(string name)
    {
        var keep = Environment.GetEnvironmentVariable("RISKMONITOR_TEST_SCREENSHOTS");
        var directory = string.IsNullOrEmpty(keep) ? _dir.Path : Directory.CreateDirectory(keep).FullName;
        return Path.Combine(directory, name);
    }

    public void Dispose() => _dir.Dispose();
}
