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
    private readonly ConcurrentDictionary<string, TdAccountSession> _pending = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    public TelegramUserLogins(TelegramUserSessions sessions) => _sessions = sessions;

    /// <summary>Starts (or restarts) the login of an account with <paramref name="credentials"/>.</summary>
    public async Task<TelegramUserLoginStep> StartAsync(string tenantId, string accountId, TelegramUserCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var key = Key(tenantId, accountId);
        await CloseAsync(key);
        await _sessions.CloseAsync(tenantId, accountId);
        var session = await _sessions.OpenAsync(credentials, _sessions.DirectoryOf(tenantId, accountId), cancellationToken);
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

        _pending[key] = session;
        return await StepAsync(key, session, null);
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
        if (!_pending.TryGetValue(key, out var session))
        {
            return new TelegramUserLoginStep(TelegramUserLoginState.Failed, "no_login_in_progress");
        }

        if (session.AuthorizationState != expected)
        {
            return await StepAsync(key, session, "unexpected_step");
        }

        var answer = await session.SendAsync(request, cancellationToken);
        if (TdErrors.IsError(answer))
        {
            return await StepAsync(key, session, Reason(answer));
        }

        await session.WaitStateChangeAsync(expected, cancellationToken);
        return await StepAsync(key, session, null);
    }

    private async Task<TelegramUserLoginStep> StepAsync(string key, TdAccountSession session, string? error)
    {
        switch (session.AuthorizationState)
        {
            case "authorizationStateWaitCode":
                return new TelegramUserLoginStep(TelegramUserLoginState.WaitCode, error);
            case "authorizationStateWaitPassword":
                return new TelegramUserLoginStep(TelegramUserLoginState.WaitPassword, error);
            case "authorizationStateReady":
                await CloseAsync(key);
                return new TelegramUserLoginStep(TelegramUserLoginState.Ready, error);
            default:
                await CloseAsync(key);
                return new TelegramUserLoginStep(TelegramUserLoginState.Failed, error ?? "unexpected_state");
        }
    }

    private async Task CloseAsync(string key)
    {
        if (_pending.TryRemove(key, out var session))
        {
            await session.DisposeAsync();
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
}
