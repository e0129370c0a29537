using Herald.Simulator.TdLib;

namespace Herald.Simulator;

/// <summary>A simulator running in this process: where it listens and a handle on its state.</summary>
public sealed class RunningSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningSimulator(WebApplication app, SimulatorState state, TdWorld tdlib, Uri baseUri)
    {
        _app = app;
        State = state;
        TdLib = tdlib;
        BaseUri = baseUri;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:40123/</c>: use it as the Bot API base URL.</summary>
    public Uri BaseUri { get; }

    /// <summary>The scenario, the deliveries and the counts.</summary>
    public SimulatorState State { get; }

    /// <summary>The simulated TDLib's world and effects (clients connect under <c>tdlib/clients</c>).</summary>
    public TdWorld TdLib { get; }

    /// <summary>The simulated WhatsApp Cloud API: its scenario, accepted messages and counts.</summary>
    public WhatsApp.WhatsAppCloudState WhatsApp => _app.Services.GetRequiredService<WhatsApp.WhatsAppCloudState>();

    /// <summary>The simulated integration-service and parsing-service (under <c>integration/</c> and <c>parsing/</c>).</summary>
    public Integrations.IntegrationsState Integrations => _app.Services.GetRequiredService<Integrations.IntegrationsState>();

    /// <summary>Stops listening (in-flight calls get a moment to finish).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
