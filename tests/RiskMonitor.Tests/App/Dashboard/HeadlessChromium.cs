using Microsoft.Playwright;
using RiskMonitor.Reports.Pdf;

namespace RiskMonitor.Tests.App.Dashboard;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), with the product's offline flags.</summary>
public static class HeadlessChromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPdf.DefaultExecutable,
                Headless = true,
                // Playwright adds --headless itself and gives every launch a fresh temporary profile (--user-data-dir).
                Args = ChromiumPdf.OfflineFlags.Where(f => f != "--headless").ToArray(),
                Timeout = 180_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Signs in through the page's own form.</summary>
    public static async Task SignIn(IPage page, Uri address, string name, string password)
    {
        await page.GotoAsync(address.ToString());
        await page.Locator("#signin-name").FillAsync(name);
        await page.Locator("#signin-password").FillAsync(password);
        await page.Locator("#signin-submit").ClickAsync();
        await page.Locator("#app").WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }

    /// <summary>Waits for an ECharts box to be drawn and returns its canvas's size.</summary>
    public static async Task<(float Width, float Height)> ChartSize(IPage page, string panel)
    {
        var canvas = page.Locator($"{panel} .chart[data-rendered='1'] canvas").First;
        await canvas.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        var box = await canvas.BoundingBoxAsync();
        return box is null ? (0, 0) : (box.Width, box.Height);
    }
}
