namespace Herald.Platforms.TelegramUser.Td;

/// <summary>Creates libtdjson clients (<see cref="TdJsonClient"/>).</summary>
/// <param name="libraryPath">The configured library path, or null to search node_modules.</param>
public sealed class TdJsonClientFactory(string? libraryPath) : ITdClientFactory
{
    /// <inheritdoc />
    public Task<ITdClient> CreateAsync(CancellationToken cancellationToken = default) => Task.FromResult<ITdClient>(new TdJsonClient(libraryPath));
}
