using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RiskMonitor.Tests.App.Dashboard;

/// <summary>An HTTP client with its own cookie jar that signs in and sends antiforgery tokens the way the page does.</summary>
public sealed class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    public DashboardClient(Uri address)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task<string> Token()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/api/auth/antiforgery", UriKind.Relative)));
        return document.RootElement.GetProperty("token").GetString()!;
    }

    public async Task<HttpStatusCode> SignIn(string name, string password)
    {
        using var response = await Post("/api/auth/login", new { name, password }, await Token());
        return response.StatusCode;
    }

    public Task<HttpResponseMessage> Get(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<HttpResponseMessage> Post(string path, object? body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body ?? new { }) };
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
