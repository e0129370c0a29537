using System.Collections.Concurrent;
using Herald.Platforms.Abstractions;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// Resolves a bot account's token through <see cref="ISecretStore"/> and keeps it in memory for
/// <see cref="TelegramBotOptions.TokenCacheDuration"/> at most (R29: held only while needed).
/// </summary>
internal sealed class TelegramBotCredentials(ISecretStore secrets, TelegramBotOptions options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<(string Tenant, string Reference), (TelegramBotToken Token, DateTimeOffset Until)> _tokens = new();

    /// <summary>The token, or null and the reason code (<c>secret_missing</c>, <c>bad_token</c>).</summary>
    public async Task<(TelegramBotToken? Token, string? Problem)> ResolveAsync(PlatformAccount account, CancellationToken cancellationToken = default)
    {
        var key = (account.TenantId, account.SecretReference);
        var now = timeProvider.GetUtcNow();
        if (_tokens.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return (cached.Token, null);
        }

        var value = await secrets.GetAsync(account.SecretReference, cancellationToken);
        if (value is null)
        {
            _tokens.TryRemove(key, out _);
            return (null, TelegramReasons.SecretMissing);
        }

        if (!TelegramBotToken.TryParse(value, out var token))
        {
            return (null, TelegramReasons.BadToken);
        }

        if (options.TokenCacheDuration > TimeSpan.Zero)
        {
            _tokens[key] = (token, now + options.TokenCacheDuration);
        }

        return (token, null);
    }

    /// <summary>Drops a cached token (after a 401: the next call reads the store again, perhaps finding a new one).</summary>
    public void Forget(PlatformAccount account) => _tokens.TryRemove((account.TenantId, account.SecretReference), out _);
}
