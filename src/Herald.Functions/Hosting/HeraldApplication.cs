using Herald.Functions.Orchestrations;
using Herald.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Herald.Functions.Hosting;

/// <summary>
/// Herald inside the Functions worker: the local host's composition (<see cref="HeraldApiExtensions.AddHeraldApi"/>),
/// middleware (<see cref="HeraldApiExtensions.UseHeraldApi"/>) and endpoint table
/// (<see cref="HeraldApiExtensions.MapHeraldEndpoints"/>) as a <see cref="WebApplication"/> that listens nowhere: its
/// server is <see cref="DispatchServer"/>, which the HTTP functions hand their request to. The engine's workers do not
/// run in it (the queue, timer and durable triggers are the workers) and neither does the Durable Task sidecar (the
/// Functions host is the sidecar): campaigns reach their orchestrations through the invocation's <c>[DurableClient]</c>.
/// </summary>
public sealed class HeraldApplication : IHostedService, IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DispatchServer _server = new();

    /// <summary>Builds Herald from the worker's configuration; <paramref name="configure"/> adds to it (tests).</summary>
    public HeraldApplication(IConfiguration configuration, IHostEnvironment environment, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = environment.EnvironmentName,
            ContentRootPath = environment.ContentRootPath,
            ApplicationName = typeof(HeraldApiExtensions).Assembly.GetName().Name,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(FunctionsSettings.Defaults(builder.Configuration));
        builder.Services.AddSingleton<IServer>(_server);
        builder.Services.AddHeraldFunctionsDurable(builder.Configuration);
        builder.AddHeraldApi();
        configure?.Invoke(builder);
        _app = builder.Build();
        _app.UseHeraldApi();
        _app.MapHeraldEndpoints();
    }

    /// <summary>Herald's services: what the queue, timer and durable functions run.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Every route Herald maps (the table the HTTP functions must match).</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints =>
        [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()];

    /// <summary>
    /// Runs the request through Herald's own pipeline (exception handling, problem details, storage budget,
    /// authentication, authorization, routing, the endpoint), campaign starts and signals going to
    /// <paramref name="durable"/>. The answer is written to <paramref name="request"/>'s response; the result returned
    /// leaves it as it is (a function returning nothing would have the worker answer 204 over a response not yet sent).
    /// </summary>
    public async Task<IActionResult> DispatchAsync(HttpRequest request, DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (DurableClientScope.Enter(durable))
        {
            await _server.ProcessAsync(request.HttpContext);
        }

        return new EmptyResult();
    }

    /// <summary>Runs <paramref name="work"/> with campaign starts and signals going to <paramref name="durable"/>.</summary>
    public async Task<T> WithDurableClientAsync<T>(DurableTaskClient durable, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using (DurableClientScope.Enter(durable))
        {
            return await work(Services);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
