namespace Herald.Platforms.TelegramUser.Td;

/// <summary>Creates TDLib clients: libtdjson in production, the simulated TDLib in tests and demos.</summary>
public interface ITdClientFactory
{
    /// <summary>A new client, waiting for <c>setTdlibParameters</c> (a closed client is finished: create a new one).</summary>
    Task<ITdClient> CreateAsync(CancellationToken cancellationToken = default);
}
