using Azure.Data.Tables;
using Azure.Storage.Queues;
using Herald.Development;
using Herald.Storage;
using Xunit;
using Xunit.Abstractions;

namespace Herald.Testing;

/// <summary>
/// One private Azurite (free loopback ports, in memory) for a test collection. In the test project:
/// <c>[CollectionDefinition("Azurite")] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt;;</c>
/// then <c>[Collection("Azurite")]</c> on the test classes, which receive the fixture in their constructor.
/// Set <c>HERALD_TEST_STORAGE</c> to a connection string to use an already running storage instead.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly IMessageSink? _sink;
    private AzuriteLauncher? _azurite;
    private string? _connectionString;

    /// <summary>xunit passes its diagnostic sink, where start-up and shutdown are reported.</summary>
    public AzuriteFixture(IMessageSink sink)
    {
        _sink = sink;
    }

    /// <summary>The running instance (null when <c>HERALD_TEST_STORAGE</c> is used).</summary>
    public AzuriteLauncher? Azurite => _azurite;

    /// <summary>The connection string of the storage the tests use.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>A table service client on this storage.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) => new(ConnectionString, options ?? StorageClientOptions.Tables());

    /// <summary>A queue service client on this storage.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) => new(ConnectionString, options ?? StorageClientOptions.Queues());

    /// <summary>Creates a table with a unique name and returns its client.</summary>
    public async Task<TableClient> CreateTableAsync(string prefix = "t", TableClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var table = CreateTableServiceClient(options).GetTableClient(StorageNames.UniqueTableName(prefix));
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    /// <summary>Creates a queue with a unique name and returns its client.</summary>
    public async Task<QueueClient> CreateQueueAsync(string prefix = "q", QueueClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var queue = CreateQueueServiceClient(options).GetQueueClient(StorageNames.UniqueQueueName(prefix));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return queue;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("HERALD_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(external))
        {
            _connectionString = external;
            return;
        }

        _azurite = await AzuriteLauncher.StartAsync(logger: new MessageSinkLogger(_sink, "Azurite"));
        _connectionString = _azurite.ConnectionString;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
