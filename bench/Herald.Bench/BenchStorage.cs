using Herald.Development;

namespace Herald.Bench;

/// <summary>
/// The storage a benchmark runs against: the one named by <c>--connection-string</c>, or else a private Azurite
/// started on free loopback ports and stopped when this is disposed.
/// </summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    private readonly AzuriteLauncher? _azurite;

    private BenchStorage(string connectionString, AzuriteLauncher? azurite)
    {
        ConnectionString = connectionString;
        _azurite = azurite;
    }

    /// <summary>The connection string to use.</summary>
    public string ConnectionString { get; }

    /// <summary>Uses <c>--connection-string</c> when given, else starts Azurite.</summary>
    public static async Task<BenchStorage> OpenAsync(BenchArgs args, CancellationToken cancellationToken = default)
    {
        if (args.String("connection-string") is { } given)
        {
            return new BenchStorage(given, null);
        }

        Console.WriteLine("starting Azurite...");
        var azurite = await AzuriteLauncher.StartAsync(cancellationToken: cancellationToken);
        Console.WriteLine($"Azurite on table port {azurite.TablePort}, queue port {azurite.QueuePort}");
        return new BenchStorage(azurite.ConnectionString, azurite);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
