using Herald.Functions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Herald.Functions.Tests;

/// <summary>Where Herald's storage comes from inside a Functions app.</summary>
public sealed class FunctionsSettingsTests
{
    [Fact]
    public void Defaults_IdentityBasedWebJobsStorage_HeraldUsesTheAccountsEndpoints()
    {
        var defaults = FunctionsSettings.Defaults(Configuration(("AzureWebJobsStorage:accountName", "heraldprod")));
        Assert.Equal("https://heraldprod.table.core.windows.net", defaults["Herald:Storage:TableEndpoint"]);
        Assert.Equal("https://heraldprod.queue.core.windows.net", defaults["Herald:Storage:QueueEndpoint"]);
        Assert.False(defaults.ContainsKey("Herald:Storage:ConnectionString"));
        Assert.Equal("false", defaults["Herald:Engine:RunWorkers"]);
    }

    [Fact]
    public void Defaults_ConnectionString_HeraldUsesIt_AndNoPrivateAzurite()
    {
        var defaults = FunctionsSettings.Defaults(Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));
        Assert.Equal("UseDevelopmentStorage=true", defaults["Herald:Storage:ConnectionString"]);
        Assert.Equal("false", defaults["Herald:Development:StartAzurite"]);
    }

    [Fact]
    public void Defaults_HeraldStorageConfigured_Kept()
    {
        var defaults = FunctionsSettings.Defaults(Configuration(
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"), ("Herald:Storage:TableEndpoint", "https://other.table.core.windows.net")));
        Assert.False(defaults.ContainsKey("Herald:Storage:ConnectionString"));
        Assert.False(defaults.ContainsKey("Herald:Storage:TableEndpoint"));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
