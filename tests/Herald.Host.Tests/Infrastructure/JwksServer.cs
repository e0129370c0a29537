using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>A real HTTP server on a free loopback port that serves a JWKS document and counts the fetches.</summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _fetches;

    private JwksServer(WebApplication app) => _app = app;

    /// <summary>The document served; replace it to rotate keys.</summary>
    public string Document { get; set; } = """{"keys":[]}""";

    public int Fetches => Volatile.Read(ref _fetches);

    public Uri Url { get; private set; } = null!;

    public static async Task<JwksServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new JwksServer(app);
        app.MapGet("/.well-known/jwks.json", () =>
        {
            Interlocked.Increment(ref server._fetches);
            return Results.Text(server.Document, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Url = new Uri(new Uri(address), "/.well-known/jwks.json");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
