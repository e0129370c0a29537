using Azure.Data.Tables;
using Azure.Storage.Queues;
using Herald.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StorageServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task AddHeraldStorage_ConnectionString_ResolvesWorkingSingletonClients()
    {
        var services = new ServiceCollection()
            .AddHeraldStorage(o => o.ConnectionString = azurite.ConnectionString)
            .AddHeraldStorage();
        await using var provider = services.BuildServiceProvider();

        var tables = provider.GetRequiredService<TableServiceClient>();
        var queues = provider.GetRequiredService<QueueServiceClient>();
        var table = tables.GetTableClient(StorageNames.UniqueTableName());
        var queue = queues.GetQueueClient(StorageNames.UniqueQueueName());
        await table.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();

        Assert.Same(tables, provider.GetRequiredService<TableServiceClient>());
        Assert.Single(services, d => d.ServiceType == typeof(TableServiceClient));
        Assert.Contains("TableEndpoint=" + tables.Uri.AbsoluteUri.TrimEnd('/'), azurite.ConnectionString, StringComparison.Ordinal);
        Assert.True((await queue.ExistsAsync()).Value);
    }

    [Fact]
    public void AddHeraldStorage_NothingConfigured_FailsValidationWithClearMessage()
    {
        using var provider = new ServiceCollection().AddHeraldStorage().BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("ConnectionString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHeraldStorage_Endpoints_UseTokenCredential()
    {
        using var provider = new ServiceCollection()
            .AddHeraldStorage(o =>
            {
                o.TableEndpoint = new Uri("https://acct.table.core.windows.net");
                o.QueueEndpoint = new Uri("https://acct.queue.core.windows.net");
            })
            .BuildServiceProvider();

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), provider.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), provider.GetRequiredService<QueueServiceClient>().Uri);
    }
}
