using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RiskMonitor.Core.Warehouse;

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

    private static async Task<IResult> Login(LoginRequest request, HttpContext context, DashboardSettings settings, RiskWarehouse warehouse, TimeProvider time)
    {
        var user = settings.Verify(request.Name, request.Password);
        DashboardAudit.Write(warehouse, time, request.Name ?? string.Empty, user?.Role, "login", null, user is null ? "refused" : "ok", null);
        if (user is null)
        {
            return Results.Problem("用户名或密码不正确。", statusCode: StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Ok(new { name = user.Name, role = user.Role });
    }
}
