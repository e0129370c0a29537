namespace Herald.Platforms.TelegramUser.Sessions;

/// <summary>Sessions stay in their directory on this machine (one worker, or no blob storage configured).</summary>
public sealed class LocalTdSessionStore : ITdSessionStore
{
    /// <inheritdoc />
    public Task<bool> DownloadAsync(string tenantId, string accountId, string directory, string databaseKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    /// <inheritdoc />
    public Task UploadAsync(string tenantId, string accountId, string directory, string databaseKey, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <inheritdoc />
    public Task DeleteAsync(string tenantId, string accountId, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
