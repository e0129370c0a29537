using Microsoft.Extensions.Options;

namespace Herald.Host.Commands;

/// <summary>Reads options for a command exactly as the server would (same files, environment and overrides), without starting it.</summary>
internal static class CommandHost
{
    public static T GetOptions<T>(string[] args, Action<IServiceCollection, IConfiguration> register)
        where T : class
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();

        // The command's stdout is its result (a token): any log line goes to stderr.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        register(builder.Services, builder.Configuration);
        using var app = builder.Build();
        return app.Services.GetRequiredService<IOptions<T>>().Value;
    }
}
