using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RiskMonitor.Core.Warehouse;
using RiskMonitor.Warnings.Approval;

namespace RiskMonitor.App.Dashboard;

/// <summary>Request body of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Name, string? Password);

/// <summary>Sign-in, sign-out, who am I, and the antiforgery token the page sends back with every state change.</summary>
public static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        // The token is bound to the current user: the page fetches a fresh one after signing in.
        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken, header = DashboardSetup.CsrfHeader }));

        auth.MapPost("/login", Login).RequireAntiforgeryToken();
        auth.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).RequireAuthorization(DashboardSetup.ReadPolicy).RequireAntiforgeryToken();

        auth.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            name = user.Identity?.Name,
            role = user.FindFirstValue(ClaimTypes.Role),
            canApprove = user.IsInRole(DashboardRoles.Approver),
            canExport = user.IsInRole(DashboardRoles.Analyst) || user.IsInRole(DashboardRoles.Approver),
        })).RequireAuthorization(DashboardSetup.ReadPolicy);
    }

    private static async Task<IResult> Login(
        LoginRequest request, HttpContext context, UserDirectory users, SignInThrottle throttle, RiskWarehouse warehouse, TimeProvider time)
    {
        var name = request.Name ?? string.Empty;
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(name, address) is { } wait)
        {
            DashboardAudit.Write(warehouse, time, name, null, "login", null, "refused", "too many failed sign-ins");
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Problem($"登录失败次数过多，请 {minutes} 分钟后再试。", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var user = users.Authenticate(name, request.Password);
        DashboardAudit.Write(warehouse, time, name, user?.Role.Code(), "login", null, user is null ? "refused" : "ok", null);
        if (user is null)
        {
            throttle.Failed(name, address);
            return Results.Problem("用户名或密码不正确。", statusCode: StatusCodes.Status401Unauthorized);
        }

        throttle.Succeeded(name);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role.Code())], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Ok(new { name = user.Name, role = user.Role.Code() });
    }
}
