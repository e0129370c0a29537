using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser.Sessions;
using Herald.Platforms.TelegramUser.Td;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Platforms.TelegramUser;

/// <summary>
/// The open TDLib clients of this process, one per account (opened on first use, kept until the account is blocked or
/// the process stops). A session's database directory is <c>{SessionDirectory}/{hash of tenant and account}</c>; its
/// encryption key and the app's api_id/api_hash come from the account's secret. Between workers the closed directory rests
/// in <see cref="ITdSessionStore"/> (blob storage): downloaded before a client opens it, uploaded after it closed. One
/// worker serves an account at a time (the engine's account lease): two clients on one session would log the user out.
/// </summary>
/// <remarks>
/// A client unused for <see cref="TelegramUserOptions.SessionIdleClose"/> is closed and its session stored, so the account
/// can move to another worker when its lease does.
/// </remarks>
public sealed class TelegramUserSessions : IAsyncDisposable
{
    private readonly ITdClientFactory _factory;
    private readonly ISecretStore _secrets;
    private readonly TelegramUserOptions _options;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OpenSession> _open = new(StringComparer.Ordinal);
    private readonly ITdSessionStore _store;
    private readonly TimeProvider _time;
    private readonly ITimer _idleSweep;
    private readonly ILogger _logger;

    /// <summary>Creates the holder.</summary>
    public TelegramUserSessions(
        ITdClientFactory factory, ISecretStore secrets, TelegramUserOptions options, ITdSessionStore store, TimeProvider? timeProvider = null, ILogger<TelegramUserSessions>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _factory = factory;
        _secrets = secrets;
        _options = options;
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        var period = options.SessionIdleClose / 4;
        _idleSweep = _time.CreateTimer(_ => _ = CloseIdleAsync(), null, period, period);
    }

    /// <summary>How many clients are open in this process.</summary>
    public int OpenCount => _open.Count;

    /// <summary>The database directory of an account's session.</summary>
    public string DirectoryOf(string tenantId, string accountId) =>
        Path.Combine(_options.SessionDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId + "\n" + accountId)))[..32]);

    /// <summary>The account's logged-in session, or the outcome that says why there is none.</summary>
    internal async Task<(TdAccountSession? Session, ActionOutcome? Problem)> GetAsync(PlatformAccount account, CancellationToken cancellationToken)
    {
        var key = account.TenantId + "\n" + account.AccountId;
        if (_open.TryGetValue(key, out var open))
        {
            open.LastUsed = _time.GetUtcNow();
            return (open.Session, null);
        }

        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_open.TryGetValue(key, out open))
            {
                open.LastUsed = _time.GetUtcNow();
                return (open.Session, null);
            }

            var credentials = TelegramUserCredentials.Parse(await _secrets.GetAsync(account.SecretReference, cancellationToken));
            if (credentials is null)
            {
                return (null, new ActionOutcome.AccountBlocked(TelegramUserReasons.SecretMissing));
            }

            var directory = DirectoryOf(account.TenantId, account.AccountId);
            await _store.DownloadAsync(account.TenantId, account.AccountId, directory, credentials.DatabaseKey, cancellationToken);
            var session = await OpenAsync(credentials, directory, cancellationToken);
            var state = session.AuthorizationState;
            if (state != "authorizationStateReady")
            {
                await session.DisposeAsync();
                return (null, state is "" or "authorizationStateWaitTdlibParameters"
                    ? new ActionOutcome.Transient(TelegramUserReasons.Timeout)
                    : new ActionOutcome.AccountBlocked(TelegramUserReasons.NotLoggedIn));
            }

            if (account.Proxy is { Length: > 0 } proxy)
            {
                // Never act around the configured route: an unusable proxy stops the account.
                var added = TdProxy.ToRequest(proxy) is { } addProxy ? await session.SendAsync(addProxy, cancellationToken) : null;
                if (added is null || TdErrors.IsError(added))
                {
                    await session.DisposeAsync();
                    return (null, new ActionOutcome.AccountBlocked(TelegramUserReasons.ProxyUnusable));
                }
            }

            _open[key] = new OpenSession(session, account.TenantId, account.AccountId, directory, credentials.DatabaseKey) { LastUsed = _time.GetUtcNow() };
            return (session, null);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Opens a client on <paramref name="directory"/> and sends its parameters; the session's state is then
    /// <c>authorizationStateReady</c> (a stored login) or the next login step.
    /// </summary>
    internal async Task<TdAccountSession> OpenAsync(TelegramUserCredentials credentials, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var client = await _factory.CreateAsync(cancellationToken);
        var session = new TdAccountSession(client, _options.RequestTimeout);
        await session.WaitStateChangeAsync("", cancellationToken);
        await session.SendAsync(new JsonObject
        {
            ["@type"] = "setTdlibParameters",
            ["use_test_dc"] = _options.UseTestDc,
            ["database_directory"] = directory,
            ["files_directory"] = Path.Combine(directory, "files"),
            ["database_encryption_key"] = credentials.DatabaseKey,
            ["use_file_database"] = false,
            ["use_chat_info_database"] = true,
            ["use_message_database"] = false,
            ["use_secret_chats"] = false,
            ["api_id"] = credentials.ApiId,
            ["api_hash"] = credentials.ApiHash,
            ["system_language_code"] = "en",
            ["device_model"] = "Herald",
            ["system_version"] = "",
            ["application_version"] = "1.0",
        }, cancellationToken);
        await session.WaitStateChangeAsync("authorizationStateWaitTdlibParameters", cancellationToken);
        return session;
    }

    /// <summary>Closes the account's client (after a block, or to hand it over) and stores its session; the next use opens a new one.</summary>
    public async Task CloseAsync(string tenantId, string accountId)
    {
        if (_open.TryRemove(tenantId + "\n" + accountId, out var open))
        {
            await CloseAsync(open);
        }
    }

    /// <summary>Stores a closed session directory (after a login).</summary>
    internal Task StoreAsync(string tenantId, string accountId, string directory, string databaseKey, CancellationToken cancellationToken) =>
        _store.UploadAsync(tenantId, accountId, directory, databaseKey, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _idleSweep.DisposeAsync();
        foreach (var key in _open.Keys)
        {
            if (_open.TryRemove(key, out var open))
            {
                // The process is stopping: storage gets a short while, then the stored copy stays.
                await CloseAsync(open, TimeSpan.FromSeconds(5));
            }
        }
    }

    private async Task CloseAsync(OpenSession open, TimeSpan? budgetLimit = null)
    {
        await open.Session.DisposeAsync();
        using var budget = new CancellationTokenSource(budgetLimit ?? _options.RequestTimeout);
        try
        {
            await _store.UploadAsync(open.TenantId, open.AccountId, open.Directory, open.DatabaseKey, budget.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The stored copy stays the last one (its login still holds); a stop must not fail because storage went first.
            Log.SessionNotStored(_logger, open.AccountId, e.GetType().Name);
        }
    }

    private async Task CloseIdleAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, open) in _open)
        {
            if (now - open.LastUsed >= _options.SessionIdleClose && _open.TryRemove(key, out var idle))
            {
                await CloseAsync(idle);
            }
        }
    }

    private sealed record OpenSession(TdAccountSession Session, string TenantId, string AccountId, string Directory, string DatabaseKey)
    {
        public DateTimeOffset LastUsed { get; set; }
    }
}
