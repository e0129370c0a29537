using Herald.Simulator;
using Microsoft.Extensions.Options;

namespace Herald.Host.Development;

/// <summary>
/// The Telegram Bot API simulator in this process on 127.0.0.1 (<see cref="DevelopmentOptions.SimulatorPort"/>, default
/// a free port), started the first time the Telegram platform's options are read or when the host starts.
/// </summary>
public sealed class DevelopmentSimulator(IOptions<DevelopmentOptions> options, ILogger<DevelopmentSimulator> logger)
    : OnDemandDependency<RunningSimulator>
{
    /// <inheritdoc />
    public override string Name => "telegram-simulator";

    /// <summary>The simulator's base address (<c>http://127.0.0.1:P/</c>); starts it if needed (blocking).</summary>
    public Uri BaseUri => GetBlocking().BaseUri;

    /// <summary>The running simulator (its WhatsApp surface's scenario among others); starts it if needed (blocking).</summary>
    public RunningSimulator Running => GetBlocking();

    /// <inheritdoc />
    protected override async Task<RunningSimulator> StartResourceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scenario = settings.Simulator.Clone();
        scenario.Validate();
        var simulator = await SimulatorHost.StartAsync(scenario, settings.SimulatorPort, cancellationToken: cancellationToken);
        Log.SimulatorListening(logger, simulator.BaseUri);
        return simulator;
    }

    /// <inheritdoc />
    protected override Task StopResourceAsync(RunningSimulator resource, CancellationToken cancellationToken) => resource.DisposeAsync().AsTask();
}
