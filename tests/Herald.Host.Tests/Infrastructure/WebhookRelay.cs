using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// A real loopback HTTP listener that hands every POST (body and <c>X-Hub-Signature-256</c>) to the host under test
/// on its test server: the simulator calls webhooks over the network, the test host has none.
/// </summary>
public sealed class WebhookRelay : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookRelay(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<WebhookRelay> StartAsync(Func<HttpClient> target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/{**path}", async (HttpContext context, string path) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/" + path) { Content = new ByteArrayContent(body.ToArray()) };
            request.Content.Headers.ContentType = new("application/json");
            foreach (var header in context.Request.Headers.Where(h => h.Key.StartsWith("X-Hub-", StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }

            using var client = target();
            using var response = await client.SendAsync(request);
            return Results.StatusCode((int)response.StatusCode);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookRelay(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
