using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.Logging;

namespace Herald.Platforms.Email;

/// <summary>
/// E-mail over SMTP (<see cref="PlatformKind.Email"/>, <see cref="AccountKind.User"/> accounts: one mailbox each, R33).
/// The engine rotates the campaign's recipients across the accounts; this adapter sends one message per action:
/// it resolves the account's <see cref="EmailCredentials"/>, takes a slot under its provider's daily cap at the
/// account's warm-up age (<see cref="EmailAccountGate"/>: none left → <c>RateLimited</c> until one frees), builds the
/// message (<see cref="EmailMessageBuilder"/>) and sends it (<see cref="SmtpSender"/>); replies map as
/// <see cref="SmtpOutcomes"/> says.
/// </summary>
public sealed class EmailPlatform : IPlatformAdapter, IAsyncDisposable
{
    private readonly CachedSecrets<EmailCredentials> _credentials;
    private readonly SmtpSender _sender;
    private readonly EmailAccountGate _gate = new();
    private readonly EmailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal EmailPlatform(CachedSecrets<EmailCredentials> credentials, EmailOptions options, TimeProvider time, ILogger<EmailPlatform> logger)
    {
        _credentials = credentials;
        _sender = new SmtpSender(options);
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public PlatformKind Platform => PlatformKind.Email;

    /// <inheritdoc />
    public bool Handles(AccountKind kind) => kind == AccountKind.User;

    /// <summary>Messages this process sent through an account in the current 24-hour window.</summary>
    public int SentInWindow(PlatformAccount account) => _gate.CountAt(Key(account), _time.GetUtcNow());

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(PlatformAccount account, PlatformAction action, CancellationToken cancellationToken = default)
    {
        if (account.Kind != AccountKind.User)
        {
            return new ActionOutcome.Permanent(EmailReasons.UnsupportedAccountKind);
        }

        if (action.Kind is not (ActionKind.PersonalMessage or ActionKind.BotMessage))
        {
            return new ActionOutcome.Permanent(EmailReasons.UnsupportedAction);
        }

        if (EmailMessageBuilder.AddressOf(action) is not { } to)
        {
            return new ActionOutcome.Permanent(EmailReasons.NoAddress);
        }

        if (string.IsNullOrWhiteSpace(action.Text))
        {
            return new ActionOutcome.Permanent(EmailReasons.EmptyText);
        }

        var (credentials, problem) = await _credentials.ResolveAsync(account, EmailReasons.BadCredentials, cancellationToken);
        if (credentials is null || !_options.Providers.TryGetValue(credentials.Provider, out var provider))
        {
            return Stop(account, problem ?? EmailReasons.BadCredentials);
        }

        var now = _time.GetUtcNow();
        var cap = provider.CapAt(now - credentials.StartedAt);
        if (_gate.TryTake(Key(account), cap, now) is { } freeAt)
        {
            Log.EmailCapReached(_logger, account.AccountId, cap);
            return new ActionOutcome.RateLimited(freeAt - now);
        }

        var message = EmailMessageBuilder.Build(credentials, to, action.Text, account, action, _options);
        var (code, timedOut) = await _sender.SendAsync(Key(account), provider, credentials, message, cancellationToken);
        if (code == 250)
        {
            _gate.Confirm(Key(account), now, _time.GetUtcNow());
            return new ActionOutcome.Done(DoneKind.Messaged, message.MessageId);
        }

        if (SmtpOutcomes.Refused(code))
        {
            _gate.Return(Key(account), now);
        }

        Log.SmtpRefused(_logger, account.AccountId, code);
        if (code == 0)
        {
            return new ActionOutcome.Transient(timedOut ? EmailReasons.Timeout : EmailReasons.NetworkError);
        }

        var outcome = SmtpOutcomes.For(code, _options);
        return outcome is ActionOutcome.AccountBlocked blocked ? Stop(account, blocked.Reason) : outcome;
    }

    /// <inheritdoc />
    public Task<AdminRightsCheck> CheckAdminRightsAsync(PlatformAccount account, string chat, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AdminRightsCheck(false, false, EmailReasons.UnsupportedAction));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _sender.DisposeAsync();

    private static string Key(PlatformAccount account) => account.TenantId + "\n" + account.AccountId;

    private ActionOutcome.AccountBlocked Stop(PlatformAccount account, string reason)
    {
        _credentials.Forget(account);
        Log.EmailAccountStopped(_logger, account.AccountId, reason);
        return new ActionOutcome.AccountBlocked(reason);
    }
}
