using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Herald.Functions.Hosting;

/// <summary>
/// The server of the Herald application inside the worker: it opens no socket; each HTTP function hands it the request
/// it got from the Functions host, and it runs Herald's pipeline over that request's features (as ASP.NET Core's own
/// TestServer does), so the answer goes back on the same response.
/// </summary>
internal sealed class DispatchServer : IServer
{
    private Func<IFeatureCollection, Task>? _process;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        _process = async features =>
        {
            var context = application.CreateContext(features);
            try
            {
                await application.ProcessRequestAsync(context);
            }
            catch (Exception e)
            {
                application.DisposeContext(context, e);
                throw;
            }

            application.DisposeContext(context, null);
        };
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _process = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }

    /// <summary>Runs Herald's pipeline for <paramref name="outer"/>'s request, writing to its response.</summary>
    public Task ProcessAsync(HttpContext outer)
    {
        var process = _process ?? throw new InvalidOperationException("Herald's application is not started.");
        return process(RequestFeatures.Of(outer));
    }
}
