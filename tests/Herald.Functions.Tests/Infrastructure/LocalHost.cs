using Herald.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Functions.Tests.Infrastructure;

/// <summary>The local host (<c>Herald.Host</c>'s <c>Program</c>) over Azurite, API-only: the endpoint table it serves.</summary>
public sealed class LocalHost(AzuriteFixture azurite) : WebApplicationFactory<global::Program>
{
    /// <summary>Every route and its methods (<c>null</c>: any method), as <c>route METHODS</c> lines.</summary>
    public IReadOnlyList<string> Routes() =>
        [.. Services.GetServices<EndpointDataSource>().SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => RouteLine(e.RoutePattern.RawText, e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Order(StringComparer.Ordinal)];

    /// <summary>One route as a comparable line: no leading or trailing slash, methods upper-case and sorted.</summary>
    public static string RouteLine(string? route, IEnumerable<string>? methods) =>
        $"{route?.Trim('/')} {(methods is null ? "*" : string.Join(",", methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal)))}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestSettings.Create(azurite.ConnectionString, TestNames.Prefix()))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Herald:Engine:RunWorkers", "false");
    }
}
