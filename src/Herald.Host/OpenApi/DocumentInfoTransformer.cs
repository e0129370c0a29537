using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Herald.Host.OpenApi;

/// <summary>
/// The document's title, description and license, a description for each tag (<see cref="ApiTags"/>), and server URLs
/// without a trailing slash (paths start with one, so <c>http://host/</c> + <c>/api</c> would read <c>//api</c>).
/// </summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Herald API";
        document.Info.Description =
            "Durable outreach campaigns across messenger accounts. Every /api operation needs a bearer token or an API key "
            + "and is scoped to its tenant; errors are RFC 7807 problem details.";
        document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var (name, description) in ApiTags.Descriptions)
        {
            if (document.Tags.FirstOrDefault(t => t.Name == name) is { } tag)
            {
                tag.Description = description;
            }
            else if (name == ApiTags.Health)
            {
                document.Tags.Add(new OpenApiTag { Name = name, Description = description });
            }
        }

        return Task.CompletedTask;
    }
}
