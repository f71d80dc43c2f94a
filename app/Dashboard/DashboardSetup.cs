using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RiskMonitor.App.Configuration;
using RiskMonitor.Core.Data;
using RiskMonitor.Core.Warehouse;

namespace RiskMonitor.App.Dashboard;

/// <summary>
/// Wires the dashboard into the <c>serve</c> host: cookie sign-in with three roles, authorisation policies, antiforgery
/// tokens for every state change, the JSON API and the static page.
/// </summary>
public static class DashboardSetup
{
    public const string ReadPolicy = "dashboard-read";
    public const string ExportPolicy = "dashboard-export";
    public const string ApprovePolicy = "dashboard-approve";
    public const string CsrfHeader = "X-CSRF-TOKEN";

    /// <summary>Registers the dashboard's services, builds the application and maps the dashboard on it.</summary>
    public static WebApplication BuildWithDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDashboard(builder.Configuration);
        var app = builder.Build();
        app.MapDashboard();
        return app;
    }

    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // One account list for the dashboard and the CLI: the Users section, validated at start-up (a bad entry stops serve).
        services.AddSingleton(WarningsConfiguration.Users(configuration));
        services.AddSingleton(configuration.GetSection(SignInThrottleOptions.Section).Get<SignInThrottleOptions>() ?? new SignInThrottleOptions());
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(WarningsConfiguration.Lifecycle(configuration));
        services.AddSingleton(configuration.GetSection(DashboardCacheOptions.Section).Get<DashboardCacheOptions>() ?? new DashboardCacheOptions());
        services.AddSingleton<DashboardCache>();
        // Read-only views run on pooled connections that keep their prepared statements: planning is most of a small query.
        services.AddSingleton(provider => new DuckDbConnectionPool(provider.GetRequiredService<RiskWarehouse>().Database, maxIdle: 64));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "riskmonitor.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // An API answers with status codes, never with a redirect to a login page.
            options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context =>
            {
                var user = context.HttpContext.User;
                DashboardAudit.Write(
                    context.HttpContext.RequestServices.GetRequiredService<RiskWarehouse>(), context.HttpContext.RequestServices.GetRequiredService<TimeProvider>(),
                    user.Identity?.Name ?? string.Empty, user.FindFirstValue(ClaimTypes.Role), context.Request.Method, context.Request.Path.Value, "refused", "role not allowed");
                return Status(context.Response, StatusCodes.Status403Forbidden);
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.RequireRole(DashboardRoles.All))
            .AddPolicy(ExportPolicy, p => p.RequireRole(DashboardRoles.Analyst, DashboardRoles.Approver))
            .AddPolicy(ApprovePolicy, p => p.RequireRole(DashboardRoles.Approver));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = CsrfHeader;
            options.Cookie.Name = "riskmonitor.csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(SecurityHeaders);
        app.Use(DashboardCaching.InvalidateAfterChanges);
        DashboardAssets.Map(app);
        AuthEndpoints.Map(app.MapGroup("/api/auth"));
        var api = app.MapGroup("/api").RequireAuthorization(ReadPolicy);
        DataEndpoints.Map(api);
        ApprovalEndpoints.Map(api);
        ExportEndpoints.Map(api);
        return app;
    }

    /// <summary>Validates the antiforgery token of a state-changing request before its handler runs.</summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            try
            {
                await antiforgery.ValidateRequestAsync(context.HttpContext);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem("请求缺少有效的防伪令牌，请刷新页面后重试。", statusCode: StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            headers.CacheControl = "no-store";
        }

        return next(context);
    }
}
