namespace Herald.Platforms.TelegramUser.Sessions;

/// <summary>
/// Where a TDLib session (its database directory) rests between workers. Moved only while no client has it open:
/// <see cref="TelegramUserSessions"/> downloads it before opening a client and uploads it after closing one.
/// </summary>
public interface ITdSessionStore
{
    /// <summary>Replaces <paramref name="directory"/> with the stored session; false (directory untouched) when none is stored.</summary>
    Task<bool> DownloadAsync(string tenantId, string accountId, string directory, string databaseKey, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="directory"/> as the account's session.</summary>
    Task UploadAsync(string tenantId, string accountId, string directory, string databaseKey, CancellationToken cancellationToken = default);

    /// <summary>Forgets the account's stored session (removing a missing one is not an error).</summary>
    Task DeleteAsync(string tenantId, string accountId, CancellationToken cancellationToken = default);
}
