using Herald.Host.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Host.OpenApi;

/// <summary>
/// Declares, for the OpenAPI document, the problem-details answers (RFC 7807, <c>application/problem+json</c>) that
/// Herald's endpoints can give, so that generated clients get typed errors instead of untyped ones.
/// </summary>
public static class ApiProblemsExtensions
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>
    /// What every <c>/api</c> endpoint can answer whatever its handler does: 401 (no or a refused credential), 503 with
    /// <c>Retry-After</c> (storage down or hanging: API keys, the audit log and every resource live in storage), and,
    /// for methods that change something, 403 (a read-only API key may only read).
    /// </summary>
    public static TBuilder ProducesApiProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            endpoint.Metadata.Add(Problem(StatusCodes.Status401Unauthorized));
            endpoint.Metadata.Add(Problem(StatusCodes.Status503ServiceUnavailable));
        });

        // Finally: the route's HTTP methods are only known once the endpoint is built.
        builder.Finally(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
            if (methods.Any(method => !ReadOnlyAccess.Reads(method)))
            {
                endpoint.Metadata.Add(Problem(StatusCodes.Status403Forbidden));
            }
        });
        return builder;
    }

    /// <summary>Declares the route's own error answers: 400 as validation problem details (naming the fields), any other as problem details.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            builder.WithMetadata(Problem(statusCode));
        }

        return builder;
    }

    private static ProducesResponseTypeMetadata Problem(int statusCode) =>
        new(statusCode, statusCode == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), [ProblemJson]);
}
