using Herald.Host.Authentication;
using Herald.Host.Commands;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Herald.Host.Dashboard;

/// <summary>
/// The web dashboard (R26): plain HTML, ES modules and CSS from <c>Dashboard/wwwroot</c> (copied to the build output as
/// <c>dashboard/</c>), served at <c>/</c> without a build step or CDN, under a strict Content-Security-Policy. It talks to
/// the JSON API only, with the token or API key the operator pastes (kept in sessionStorage, never in a URL).
/// </summary>
public static class DashboardExtensions
{
    /// <summary>The folder of the dashboard's files in the build output.</summary>
    public const string FolderName = "dashboard";

    /// <summary>
    /// No inline script or style, nothing from elsewhere: the dashboard's own files and API calls to this host only.
    /// Style attributes set through the CSSOM (<c>element.style</c>) are not inline styles and stay allowed.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The tenant a development sign-in acts for.</summary>
    public const string DevelopmentTenant = "demo";

    /// <summary>
    /// Serves the dashboard's files (anonymous: they hold no data) with the security headers; <c>/</c> is its
    /// <c>index.html</c>. Runs before authentication, so it must stay before <c>UseAuthentication</c>.
    /// </summary>
    public static WebApplication UseHeraldDashboard(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (!Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }

    /// <summary>
    /// Maps <c>GET /dashboard/config</c> (anonymous: whether a development sign-in exists) and, in Development only,
    /// <c>POST /dashboard/dev-sign-in</c>: a token for the <see cref="DevelopmentTenant"/> tenant, the same the
    /// <c>token</c> command prints, for the dashboard's one-click sign-in.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        app.MapGet("/dashboard/config", () => TypedResults.Ok(new DashboardConfig(development)))
            .AllowAnonymous().ExcludeFromDescription();
        if (development)
        {
            app.MapPost("/dashboard/dev-sign-in", DevelopmentSignIn).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private static Results<Ok<DevelopmentSignInResponse>, ProblemHttpResult> DevelopmentSignIn(IOptions<HeraldAuthOptions> options, TimeProvider time)
    {
        var auth = options.Value;
        if (auth.HmacSecrets.Count == 0)
        {
            return TypedResults.Problem("No development signing secret is configured.", statusCode: StatusCodes.Status404NotFound);
        }

        var token = TokenCommand.CreateToken(auth, DevelopmentTenant, time.GetUtcNow(), auth.DevelopmentTokenLifetime);
        return TypedResults.Ok(new DevelopmentSignInResponse(token, DevelopmentTenant));
    }
}

/// <summary>What the dashboard needs to know before sign-in.</summary>
/// <param name="DevelopmentSignIn">Whether <c>POST /dashboard/dev-sign-in</c> exists (Development only).</param>
public sealed record DashboardConfig(bool DevelopmentSignIn);

/// <summary>A development token.</summary>
public sealed record DevelopmentSignInResponse(string Token, string TenantId);
