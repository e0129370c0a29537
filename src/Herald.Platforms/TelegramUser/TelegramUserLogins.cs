using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Herald.Core.Outcomes;

namespace Herald.Platforms.TelegramUser;

/// <summary>
/// Logs user accounts in: phone → code → (password) → ready, on the account's own session directory. A login in
/// progress keeps its TDLib client open in this process; once ready the client is closed, the session stays in its
/// directory (encrypted with the account's <c>database_encryption_key</c>) and <see cref="TelegramUserSessions"/> opens it.
/// </summary>
public sealed class TelegramUserLogins : IAsyncDisposable
{
    private readonly TelegramUserSessions _sessions;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    public TelegramUserLogins(TelegramUserSessions sessions) => _sessions = sessions;

    /// <summary>Starts (or restarts) the login of an account with <paramref name="credentials"/>.</summary>
    public async Task<TelegramUserLoginStep> StartAsync(string tenantId, string accountId, TelegramUserCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var key = Key(tenantId, accountId);
        await CloseAsync(key);
        await _sessions.CloseAsync(tenantId, accountId);
        var directory = _sessions.DirectoryOf(tenantId, accountId);
        if (Directory.Exists(directory))
        {
            // A new login starts from an empty session.
            Directory.Delete(directory, recursive: true);
        }

        var session = await _sessions.OpenAsync(credentials, directory, cancellationToken);
        if (session.AuthorizationState == "authorizationStateWaitPhoneNumber")
        {
            var answer = await session.SendAsync(new() { ["@type"] = "setAuthenticationPhoneNumber", ["phone_number"] = credentials.Phone }, cancellationToken);
            if (TdErrors.IsError(answer))
            {
                await session.DisposeAsync();
                return new TelegramUserLoginStep(TelegramUserLoginState.Failed, Reason(answer));
            }

            await session.WaitStateChangeAsync("authorizationStateWaitPhoneNumber", cancellationToken);
        }

        var pending = new Pending(session, tenantId, accountId, directory, credentials.DatabaseKey);
        _pending[key] = pending;
        return await StepAsync(pending, null, cancellationToken);
    }

    /// <summary>Submits the login code.</summary>
    public Task<TelegramUserLoginStep> SubmitCodeAsync(string tenantId, string accountId, string code, CancellationToken cancellationToken = default) =>
        SubmitAsync(tenantId, accountId, "authorizationStateWaitCode", new JsonObject { ["@type"] = "checkAuthenticationCode", ["code"] = code }, cancellationToken);

    /// <summary>Submits the two-step verification password.</summary>
    public Task<TelegramUserLoginStep> SubmitPasswordAsync(string tenantId, string accountId, string password, CancellationToken cancellationToken = default) =>
        SubmitAsync(tenantId, accountId, "authorizationStateWaitPassword", new JsonObject { ["@type"] = "checkAuthenticationPassword", ["password"] = password }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var key in _pending.Keys)
        {
            await CloseAsync(key);
        }
    }

    private async Task<TelegramUserLoginStep> SubmitAsync(string tenantId, string accountId, string expected, JsonObject request, CancellationToken cancellationToken)
    {
        var key = Key(tenantId, accountId);
        if (!_pending.TryGetValue(key, out var pending))
        {
            return new TelegramUserLoginStep(TelegramUserLoginState.Failed, "no_login_in_progress");
        }

        var session = pending.Session;
        if (session.AuthorizationState != expected)
        {
            return await StepAsync(pending, "unexpected_step", cancellationToken);
        }

        var answer = await session.SendAsync(request, cancellationToken);
        if (TdErrors.IsError(answer))
        {
            return await StepAsync(pending, Reason(answer), cancellationToken);
        }

        await session.WaitStateChangeAsync(expected, cancellationToken);
        return await StepAsync(pending, null, cancellationToken);
    }

    private async Task<TelegramUserLoginStep> StepAsync(Pending pending, string? error, CancellationToken cancellationToken)
    {
        var key = Key(pending.TenantId, pending.AccountId);
        switch (pending.Session.AuthorizationState)
        {
            case "authorizationStateWaitCode":
                return new TelegramUserLoginStep(TelegramUserLoginState.WaitCode, error);
            case "authorizationStateWaitPassword":
                return new TelegramUserLoginStep(TelegramUserLoginState.WaitPassword, error);
            case "authorizationStateReady":
                // Closed first: a session moves only while no client has it open.
                await CloseAsync(key);
                await _sessions.StoreAsync(pending.TenantId, pending.AccountId, pending.Directory, pending.DatabaseKey, cancellationToken);
                return new TelegramUserLoginStep(TelegramUserLoginState.Ready, error);
            default:
                await CloseAsync(key);
                return new TelegramUserLoginStep(TelegramUserLoginState.Failed, error ?? "unexpected_state");
        }
    }

    private async Task CloseAsync(string key)
    {
        if (_pending.TryRemove(key, out var pending))
        {
            await pending.Session.DisposeAsync();
        }
    }

    private static string Reason(JsonObject error) => TdErrors.ToOutcome(error) switch
    {
        ActionOutcome.Permanent p => p.Reason,
        ActionOutcome.AccountBlocked b => b.Reason,
        ActionOutcome.RateLimited => "rate_limited",
        _ => "login_failed",
    };

    private static string Key(string tenantId, string accountId) => tenantId + "\n" + accountId;

    private sealed record Pending(TdAccountSession Session, string TenantId, string AccountId, string Directory, string DatabaseKey);
}
