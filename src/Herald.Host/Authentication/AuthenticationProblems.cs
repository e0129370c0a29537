namespace Herald.Host.Authentication;

/// <summary>Writes 401 and 403 answers as RFC 7807 problem details; 401s carry <c>WWW-Authenticate: Bearer</c> (RFC 6750).</summary>
internal static class AuthenticationProblems
{
    private const string MissingCredentials = "Authentication is required: send 'Authorization: Bearer <token>' or an 'X-Api-Key' header.";

    /// <param name="context">The request.</param>
    /// <param name="failure">Why a presented credential was refused (a fixed text, never credential content), or null when none was presented.</param>
    /// <param name="invalidToken">True when the refused credential was a bearer token (adds <c>error="invalid_token"</c>).</param>
    public static Task WriteUnauthorizedAsync(HttpContext context, string? failure, bool invalidToken)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = invalidToken && failure is not null
            ? $"Bearer error=\"invalid_token\", error_description=\"{failure}\""
            : "Bearer";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", failure ?? MissingCredentials);
    }

    public static Task WriteForbiddenAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var detail = ReadOnlyAccess.IsReadOnly(context.User) ? ReadOnlyAccess.Refusal : "The caller may not do this.";
        return WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
    }

    private static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
