using Herald.Functions.Workers;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Herald.Functions.Hosting;

/// <summary>Composes Herald into the Functions worker.</summary>
public static class FunctionsHostingExtensions
{
    /// <summary>
    /// Adds <see cref="HeraldApplication"/> (Herald's own composition and endpoint table, built from the worker's
    /// configuration) as a singleton the functions dispatch to, started and stopped with the worker. Refuses a
    /// <c>Herald:Engine:NamePrefix</c> other than the one the tick trigger's queue name is declared with.
    /// </summary>
    public static FunctionsApplicationBuilder AddHeraldFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration["Herald:Engine:NamePrefix"] is { Length: > 0 } prefix && $"{prefix}-ticks" != TickFunctions.QueueName)
        {
            throw new InvalidOperationException($"Herald:Engine:NamePrefix must stay unset in a Functions app: the tick trigger listens on {TickFunctions.QueueName}.");
        }

        builder.Services.TryAddSingleton(sp => new HeraldApplication(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HeraldApplication>());
        return builder;
    }
}
