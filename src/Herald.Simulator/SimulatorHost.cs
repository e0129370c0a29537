using Herald.Simulator.Apis;
using Herald.Simulator.Integrations;
using Herald.Simulator.TdLib;
using Herald.Simulator.Telegram;
using Herald.Simulator.WhatsApp;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Herald.Simulator;

/// <summary>
/// Starts the simulator: in this process for tests and benchmarks (<see cref="StartAsync"/>), or as
/// its own process (<c>dotnet run --project src/Herald.Simulator -- --urls http://127.0.0.1:5081</c>).
/// </summary>
public static class SimulatorHost
{
    /// <summary>Where the process listens when no <c>--urls</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5081";

    /// <summary>
    /// Starts a simulator on loopback in this process and returns once it listens.
    /// </summary>
    /// <param name="options">The scenario (default: accept any well-formed token, Telegram's limits).</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one (see <see cref="RunningSimulator.BaseUri"/>).</param>
    /// <param name="timeProvider">The simulator's clock (default the system clock); a manual clock makes limit tests instant.</param>
    /// <param name="configureLogging">Where its logs go (default: nowhere).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="SimulatorOptions.Validate"/>).</exception>
    public static async Task<RunningSimulator> StartAsync(
        SimulatorOptions? options = null,
        int port = 0,
        TimeProvider? timeProvider = null,
        Action<ILoggingBuilder>? configureLogging = null,
        CancellationToken cancellationToken = default)
    {
        var state = new SimulatorState(options ?? new SimulatorOptions(), timeProvider ?? TimeProvider.System);
        var builder = CreateBuilder([]);
        builder.WebHost.UseUrls(FormattableString.Invariant($"http://127.0.0.1:{port}"));
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        var app = Build(builder, state, new TdWorld(null, timeProvider));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        Log.Listening(app.Logger, baseUri);
        return new RunningSimulator(app, state, app.Services.GetRequiredService<TdWorld>(), baseUri);
    }

    /// <summary>The process: options from the <c>Simulator</c> configuration section, the system clock.</summary>
    internal static WebApplication CreateProcess(string[] args)
    {
        var builder = CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Request lines carry the bot token in the path: keep ASP.NET Core's per-request logs off.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = builder.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
        var tdlib = builder.Configuration.GetSection(SimulatorOptions.SectionName + ":TdLib").Get<TdScenario>();
        var whatsApp = builder.Configuration.GetSection(SimulatorOptions.SectionName + ":WhatsApp").Get<WhatsAppScenario>();
        return Build(builder, new SimulatorState(options, TimeProvider.System), new TdWorld(tdlib, TimeProvider.System), whatsApp);
    }

    private static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

    private static WebApplication Build(WebApplicationBuilder builder, SimulatorState state, TdWorld tdlib, WhatsAppScenario? whatsApp = null)
    {
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(tdlib);
        builder.Services.AddSingleton(new IntegrationsState());
        builder.Services.AddWhatsAppCloudSimulator(whatsApp ?? new WhatsAppScenario(), state.TimeProvider);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.MapTelegramBotApi();
        app.MapSimulatorApi();
        app.MapSimulatedTdLib();
        app.MapWhatsAppCloudApi();
        app.MapSimulatedIntegrations();
        return app;
    }
}
