using Herald.Host.Apis;
using Herald.Host.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Herald.Host.Health;

/// <summary>
/// Puts <c>/healthz</c> and <c>/readyz</c> in the OpenAPI document: health check endpoints are not route handlers, so
/// the API explorer does not describe them. Both are anonymous: an empty security requirement (<c>security: []</c>)
/// says so, where no requirement at all would leave it unsaid.
/// </summary>
internal sealed class HealthPathsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        document.Paths[HealthApi.LivenessPath] = PathItem(document, "Liveness", "200 while the process serves requests; checks nothing else.", withProblem: false);
        document.Paths[HealthApi.ReadinessPath] = PathItem(
            document,
            "Readiness",
            "200 when every dependency check passes (storage, engine storage), else 503 problem details naming the failed checks, with Retry-After.",
            withProblem: true);
        return Task.CompletedTask;
    }

    private static OpenApiPathItem PathItem(OpenApiDocument document, string id, string summary, bool withProblem)
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
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                },
            };
        }

        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new(ApiTags.Health, document) },
            Responses = responses,
            Security = [],
        });
        return item;
    }
}
