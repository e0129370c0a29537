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
    /// configuration) as a singleton the functions dispatch to, started and stopped with the worker. Refuses to start
    /// without <c>Herald:Engine:NamePrefix</c>: the Functions host reads the tick trigger's queue from that app setting
    /// (<see cref="TickFunctions.QueueName"/>), so it must be set where both the host and the worker read it.
    /// </summary>
    public static FunctionsApplicationBuilder AddHeraldFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration[TickFunctions.PrefixSetting] is not { Length: > 0 })
        {
            throw new InvalidOperationException(
                $"Set the app setting Herald__Engine__NamePrefix (e.g. herald): the tick trigger listens on {TickFunctions.QueueName}, which the Functions host resolves from it.");
        }

        builder.Services.TryAddSingleton(sp => new HeraldApplication(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HeraldApplication>());
        return builder;
    }
}
