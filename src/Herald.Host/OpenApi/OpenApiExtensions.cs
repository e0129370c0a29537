using Herald.Host.Health;

namespace Herald.Host.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and a browsable UI (<c>/swagger</c>), both anonymous.</summary>
public static class OpenApiExtensions
{
    /// <summary>The path of the document.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Adds document generation with the bearer and API key schemes, the health endpoints, and the document's info, tags and servers.</summary>
    public static IHostApplicationBuilder AddHeraldOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            var security = new SecuritySchemesTransformer();
            options.AddDocumentTransformer(security);
            options.AddOperationTransformer(security);
            options.AddDocumentTransformer(new HealthPathsTransformer());
            options.AddDocumentTransformer(new DocumentInfoTransformer());
        });
        return builder;
    }

    /// <summary>Serves Swagger UI at <c>/swagger</c> from embedded assets (nothing is fetched from the internet). Place before authorization.</summary>
    public static IApplicationBuilder UseHeraldSwaggerUI(this IApplicationBuilder app) =>
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "Herald API v1");
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "Herald API";
        });

    /// <summary>Maps the OpenAPI document, readable without authentication.</summary>
    public static IEndpointRouteBuilder MapHeraldOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        return app;
    }
}
