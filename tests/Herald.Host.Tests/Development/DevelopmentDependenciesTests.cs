using Herald.Host.Development;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Host.Tests.Development;

public sealed class DevelopmentDependenciesTests
{
    [Fact(Timeout = 60_000)]
    public async Task StartStop_StartsInOrderAndStopsInReverse()
    {
        var journal = new List<string>();
        var service = new DevelopmentDependencies([new Recording("azurite", journal), new Recording("simulator", journal)], NullLogger<DevelopmentDependencies>.Instance);

        await service.StartAsync(CancellationToken.None);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(["start azurite", "start simulator", "stop simulator", "stop azurite"], journal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_LaterDependencyFails_StopsEarlierOnesAndFails()
    {
        var journal = new List<string>();
        var service = new DevelopmentDependencies(
            [new Recording("azurite", journal), new Recording("simulator", journal, failToStart: true)],
            NullLogger<DevelopmentDependencies>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(CancellationToken.None));

        Assert.Equal(["start azurite", "start simulator", "stop azurite"], journal);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public void AddHeraldDevelopmentDependencies_RegistersOnlyInDevelopment(string environment, bool expected)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });

        builder.AddHeraldDevelopmentDependencies();

        Assert.Equal(expected, builder.Services.Any(d => d.ImplementationType == typeof(DevelopmentDependencies)));
    }

    private sealed class Recording(string name, List<string> journal, bool failToStart = false) : IDevelopmentDependency
    {
        public string Name => name;

        public Task StartAsync(CancellationToken cancellationToken = default)
        {
            journal.Add($"start {name}");
            return failToStart ? throw new InvalidOperationException($"{name} did not start") : Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken = default)
        {
            journal.Add($"stop {name}");
            return Task.CompletedTask;
        }
    }
}
