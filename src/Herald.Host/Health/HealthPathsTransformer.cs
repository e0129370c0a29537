using Herald.Host.Apis;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Herald.Host.Health;

/// <summary>
/// Puts <c>/healthz</c> and <c>/readyz</c> in the OpenAPI document: health check endpoints are not route handlers, so
/// the API explorer does not describe them. Both are anonymous (no security requirement).
/// </summary>
internal sealed class HealthPathsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        document.Paths[HealthApi.LivenessPath] = PathItem("Liveness", "200 while the process serves requests; checks nothing else.", withProblem: false);
        document.Paths[HealthApi.ReadinessPath] = PathItem(
            "Readiness",
            "200 when every dependency check passes (storage, engine storage), else 503 problem details naming the failed checks, with Retry-After.",
            withProblem: true);
        return Task.CompletedTask;
    }

    private static OpenApiPathItem PathItem(string id, string summary, bool withProblem)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "OK", Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() } },
        };
        if (withProblem)
        {
            responses["503"] = new OpenApiResponse
            {
                Description = "Not ready",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
            };
        }

        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, new OpenApiOperation { OperationId = id, Summary = summary, Responses = responses });
        return item;
    }
}
