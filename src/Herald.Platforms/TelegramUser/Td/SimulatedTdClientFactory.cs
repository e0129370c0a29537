namespace Herald.Platforms.TelegramUser.Td;

/// <summary>Creates clients of the simulated TDLib behind <paramref name="http"/> (base address: the simulator).</summary>
public sealed class SimulatedTdClientFactory(HttpClient http) : ITdClientFactory
{
    /// <inheritdoc />
    public async Task<ITdClient> CreateAsync(CancellationToken cancellationToken = default) => await SimulatedTdClient.CreateAsync(http, cancellationToken);
}
