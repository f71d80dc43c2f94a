using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using RiskMonitor.App.Dashboard;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Tests.Reports;

namespace RiskMonitor.Tests.App.Dashboard;

/// <summary>Authorisation, CSRF, untrusted text and personal data, against the real <c>serve</c> process.</summary>
[Collection(ReportsWarehouseGroup.Name)]
public sealed class DashboardSecurityTests(ReportsWarehouseFixture warehouse) : IDisposable
{
    private const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">灶具起火";
    private const string MaskedPhone = "139****0042";
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Api_WithoutSignIn_Answers401_AndAViewerCannotApproveOrExport()
    {
        var (path, _, warningId) = PlantedWarehouse();
        await using var serve = await ServeProcess.Start(path, _dir.Path);
        using var anonymous = new DashboardClient(serve.Address);
        foreach (var endpoint in new[] { "/api/overview", "/api/tables/risks", "/api/risks/1", "/api/meta", "/api/export/risks.csv", "/api/auth/me" })
        {
            (await anonymous.Get(endpoint)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, endpoint);
        }

        (await anonymous.Post($"/api/warnings/{warningId}/approve", null, await anonymous.Token())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var viewer = new DashboardClient(serve.Address);
        var (name, password) = ServeProcess.Account(DashboardRoles.Viewer);
        (await viewer.SignIn(name, "wrong")).Should().Be(HttpStatusCode.Unauthorized);
        (await viewer.SignIn(name, password)).Should().Be(HttpStatusCode.OK);
        (await viewer.Get("/api/tables/warnings")).StatusCode.Should().Be(HttpStatusCode.OK, "viewers read");
        (await viewer.Post($"/api/warnings/{warningId}/approve", null, await viewer.Token())).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.Get("/api/export/warnings.csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var approver = new DashboardClient(serve.Address);
        (await approver.SignIn(ServeProcess.Account(DashboardRoles.Approver).Name, ServeProcess.Account(DashboardRoles.Approver).Password)).Should().Be(HttpStatusCode.OK);
        (await approver.Post($"/api/warnings/{warningId}/approve", null, token: null)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a state change needs the antiforgery token");
        (await approver.Post("/api/auth/login", new { name, password }, token: null)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "so does signing in");
        // Read (and so cache) the view before the approval: the answer after it must not be the cached one.
        var before = await (await approver.Get("/api/tables/warnings")).Content.ReadAsStringAsync();
        before.Should().NotContain("\"shenpi\"");
        (await approver.Post($"/api/warnings/{warningId}/approve", null, await approver.Token())).StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await (await approver.Get("/api/tables/warnings")).Content.ReadAsStringAsync();
        after.Should().Contain("\"shenpi\"", "an approval drops the dashboard's cached views at once");
        var warnings = await (await approver.Get($"/api/tables/warnings?status=approved")).Content.ReadAsStringAsync();
        warnings.Should().Contain("\"shenpi\"", "the notice records who approved it");
    }

    [Fact]
    public async Task SignIn_AfterRepeatedWrongPasswords_IsRefusedWith429ForThatNameOnly()
    {
        var (path, _, _) = PlantedWarehouse();
        await using var serve = await ServeProcess.Start(path, _dir.Path);
        var (viewer, viewerPassword) = ServeProcess.Account(DashboardRoles.Viewer);
        using var guesser = new DashboardClient(serve.Address);
        for (var i = 0; i < 5; i++)
        {
            (await guesser.SignIn(viewer, $"guess-{i}")).Should().Be(HttpStatusCode.Unauthorized);
        }

        using var owner = new DashboardClient(serve.Address);
        var refused = await owner.Post("/api/auth/login", new { name = viewer, password = viewerPassword }, await owner.Token());
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the sixth attempt on the name is refused even with the right password");
        refused.Headers.RetryAfter!.Delta.Should().BePositive();
        (await refused.Content.ReadAsStringAsync()).Should().Contain("登录失败次数过多");

        var (analyst, analystPassword) = ServeProcess.Account(DashboardRoles.Analyst);
        (await owner.SignIn(analyst, analystPassword)).Should().Be(HttpStatusCode.OK, "other names are not locked by one name's failures");
    }

    [Fact]
    public async Task ComplaintText_WithMarkup_ShowsAsTextInTheDrillDown_AndNoResponseCarriesPersonalData()
    {
        var (path, assessmentId, _) = PlantedWarehouse();
        string month;
        using (var db = RiskWarehouse.Open(path, new DuckDbOptions(ReadOnly: true)))
        using (var connection = db.Connect())
        {
            month = connection.ExecuteScalar<DateOnly>("SELECT month FROM risk_assessments WHERE assessment_id = $1", assessmentId)
                .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var serve = await ServeProcess.Start(path, _dir.Path);

        var (playwright, browser) = await HeadlessChromium.Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(120_000);
        var (name, password) = ServeProcess.Account(DashboardRoles.Viewer);
        await HeadlessChromium.SignIn(page, serve.Address, name, password);
        await page.Locator("#f-month").SelectOptionAsync(month);
        await page.Locator("#tabs button[data-view='risks']").ClickAsync();
        var row = page.Locator("table[data-table='risks'] tbody tr").Filter(new() { Has = page.Locator("td:first-child", new() { HasTextRegex = new($"^{assessmentId}$") }) });
        await row.ClickAsync();
        var texts = page.Locator("#complaints .complaint .text");
        await texts.First.WaitForAsync();

        (await texts.AllTextContentsAsync()).Should().Contain(Hostile, "the complaint is shown exactly as its text");
        (await page.Locator("#complaints script, #complaints img").CountAsync()).Should().Be(0, "no markup from data becomes elements");
        (await page.EvaluateAsync<bool>("() => window.__pwned === undefined")).Should().BeTrue("nothing in the complaint ran");

        using var approver = new DashboardClient(serve.Address);
        var account = ServeProcess.Account(DashboardRoles.Approver);
        await approver.SignIn(account.Name, account.Password);
        var bodies = new List<string>();
        foreach (var endpoint in new[] { "/api/overview", $"/api/risks/{assessmentId}", "/api/tables/risks", "/api/tables/warnings", "/api/tables/followup",
                     "/api/tables/batches", "/api/tables/quarantine", "/api/export/quarantine.csv", "/api/auth/me" })
        {
            var response = await approver.Get(endpoint);
            response.StatusCode.Should().Be(HttpStatusCode.OK, endpoint);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        var all = string.Join("\n", bodies);
        all.Should().Contain("TEST-XSS-1", "the planted complaint is served");
        all.Should().NotContain(MaskedPhone).And.NotContain("测*").And.NotContain("complainant", "no complainant data leaves the server");
        using (var detail = JsonDocument.Parse(bodies[1]))
        {
            detail.RootElement.GetProperty("complaints").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "TEST-XSS-1")
                .EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("id", "receivedAt", "text", "hazards", "injury");
        }
    }

    /// <summary>A copy of the warehouse with a hostile complaint under the highest regional risk of the newest month that has one, and a proposed warning.</summary>
    private (string Path, long AssessmentId, long WarningId) PlantedWarehouse()
    {
        var path = warehouse.CopyTo(_dir.File("w"));
        using var db = RiskWarehouse.Open(path);
        using var connection = db.Connect();
        var (id, month, category, region) = connection.Query(
            """
            SELECT assessment_id, month, category_code, region_code FROM risk_assessments
            WHERE level > 0 AND region_code <> '' ORDER BY month DESC, level DESC, score DESC LIMIT 1
            """,
            r => (r.GetInt64(0), r.GetDate(1), r.GetString(2), r.GetString(3))).Single();
        connection.Execute(
            """
            INSERT INTO fact_complaint (complaint_id, batch_id, received_at, month, region_code, category_code, text, hazards, injury, death,
                                        complainant_key, complainant_name, complainant_phone)
            VALUES ('TEST-XSS-1', 1, $1, $2, $3, $4, $5, ['fire', 'burn', 'electric_shock', 'fall'], false, false, 'k-test', '测*', $6)
            """,
            month.AddDays(27).ToDateTime(new TimeOnly(23, 59)), month, region, category, Hostile, MaskedPhone);
        connection.Execute("INSERT INTO quarantine VALUES (1, 999999, $1, '字段“phone”的值“13900000042”不是有效号码')", $"x,测试人,{MaskedPhone}");
        var warning = connection.ExecuteScalar<long>("SELECT max(warning_id) FROM warnings WHERE status = 'proposed'");
        return (path, id, warning);
    }

    public void Dispose() => _dir.Dispose();
}
