using System.Collections.Concurrent;
using Herald.Core.Domain;
using Herald.Core.Outcomes;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.Logging;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// WhatsApp business numbers through the official Cloud API (<see cref="PlatformKind.WhatsApp"/>,
/// <see cref="AccountKind.Bot"/> accounts). Each account's secret holds its phone-number id and access token
/// (<see cref="WhatsAppCredentials"/>). Before a send the adapter
/// <list type="number">
/// <item>reads the number's <c>quality_rating</c> (at most every <see cref="WhatsAppCloudOptions.QualityCheckInterval"/>):
/// RED → <c>AccountBlocked(quality_red)</c>, the number stops;</item>
/// <item>admits the recipient under the number's messaging tier (<see cref="WhatsAppCloudOptions.Tiers"/>): a new
/// recipient past the tier → <c>RateLimited</c> until the oldest leaves the rolling 24 hours;</item>
/// <item>waits for its slot at <see cref="WhatsAppCloudOptions.MessagesPerSecond"/> (80/s).</item>
/// </list>
/// Errors map as <see cref="WhatsAppOutcomes"/> says; the message body as <see cref="WhatsAppMessage"/> builds it.
/// The Cloud API has no idempotency key: a send is at most once because the engine claims the target first.
/// </summary>
public sealed class WhatsAppCloudPlatform : IPlatformAdapter
{
    private readonly WhatsAppCloudApi _api;
    private readonly CachedSecrets<WhatsAppCredentials> _credentials;
    private readonly WhatsAppCloudOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ISentMessageLog? _sent;
    private readonly ConcurrentDictionary<string, WhatsAppNumberGate> _gates = new(StringComparer.Ordinal);

    internal WhatsAppCloudPlatform(
        WhatsAppCloudApi api,
        CachedSecrets<WhatsAppCredentials> credentials,
        WhatsAppCloudOptions options,
        TimeProvider time,
        ILogger<WhatsAppCloudPlatform> logger,
        ISentMessageLog? sent = null)
    {
        _sent = sent;
        _api = api;
        _credentials = credentials;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public PlatformKind Platform => PlatformKind.WhatsApp;

    /// <inheritdoc />
    public bool Handles(AccountKind kind) => kind == AccountKind.Bot;

    /// <summary>Unique recipients this process messaged through a number in the current 24-hour window.</summary>
    public int RecipientsInWindow(string phoneNumberId) => Gate(phoneNumberId).CountAt(_time.GetUtcNow());

    /// <inheritdoc />
    public async Task<ActionOutcome> ExecuteAsync(PlatformAccount account, PlatformAction action, CancellationToken cancellationToken = default)
    {
        if (account.Kind != AccountKind.Bot)
        {
            return new ActionOutcome.Permanent(WhatsAppReasons.UnsupportedAccountKind);
        }

        if (action.Kind is not (ActionKind.BotMessage or ActionKind.PersonalMessage))
        {
            return new ActionOutcome.Permanent(WhatsAppReasons.UnsupportedAction);
        }

        var (body, problem) = WhatsAppMessage.Build(action);
        if (body is null)
        {
            return new ActionOutcome.Permanent(problem!);
        }

        var (credentials, missing) = await _credentials.ResolveAsync(account, WhatsAppReasons.BadCredentials, cancellationToken);
        if (credentials is null)
        {
            return Stop(account, new ActionOutcome.AccountBlocked(missing!));
        }

        var gate = Gate(credentials.PhoneNumberId);
        if (await CheckQualityAsync(gate, credentials, cancellationToken) is { } unusable)
        {
            return Stop(account, unusable);
        }

        var to = body["to"]!.GetValue<string>();
        var admittedAt = _time.GetUtcNow();
        if (gate.Admit(to, admittedAt, _options.TierOf(credentials.PhoneNumberId)) is { } freeAt)
        {
            var wait = freeAt - admittedAt;
            Log.WhatsAppRateLimited(_logger, credentials.PhoneNumberId, "messaging_tier", wait);
            return new ActionOutcome.RateLimited(wait);
        }

        var slot = gate.TakeSlot(_time.GetUtcNow(), _options.MessagesPerSecond);
        if (slot > TimeSpan.Zero)
        {
            await Task.Delay(slot, _time, cancellationToken);
        }

        var (id, error) = await _api.SendMessageAsync(credentials, body, cancellationToken);
        if (error is null)
        {
            if (_sent is not null)
            {
                await _sent.RecordAsync(account, action, id!, CancellationToken.None);
            }

            return new ActionOutcome.Done(DoneKind.Messaged, id);
        }

        if (error.Source == WhatsAppErrorSource.Api)
        {
            gate.Release(to, admittedAt); // refused: nothing reached the recipient
        }

        var outcome = WhatsAppOutcomes.For(error, _options);
        if (outcome is ActionOutcome.RateLimited limited)
        {
            Log.WhatsAppRateLimited(_logger, credentials.PhoneNumberId, error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), limited.RetryAfter);
        }

        return outcome is ActionOutcome.AccountBlocked ? Stop(account, outcome) : outcome;
    }

    /// <inheritdoc />
    public Task<AdminRightsCheck> CheckAdminRightsAsync(PlatformAccount account, string chat, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AdminRightsCheck(false, false, WhatsAppReasons.UnsupportedAction));

    private WhatsAppNumberGate Gate(string phoneNumberId) => _gates.GetOrAdd(phoneNumberId, _ => new WhatsAppNumberGate());

    private async Task<ActionOutcome?> CheckQualityAsync(WhatsAppNumberGate gate, WhatsAppCredentials credentials, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (gate.Quality is not { } known || now - known.At >= _options.QualityCheckInterval)
        {
            var (rating, error) = await _api.GetQualityRatingAsync(credentials, cancellationToken);
            if (error is not null)
            {
                // A token Meta refuses stops the number; any other failure to read the rating is the send's to find out.
                return WhatsAppOutcomes.For(error, _options) is ActionOutcome.AccountBlocked blocked ? blocked : null;
            }

            gate.Quality = (rating!, now);
            known = gate.Quality.Value;
        }

        return string.Equals(known.Rating, "RED", StringComparison.OrdinalIgnoreCase)
            ? new ActionOutcome.AccountBlocked(WhatsAppReasons.QualityRed)
            : null;
    }

    private ActionOutcome Stop(PlatformAccount account, ActionOutcome outcome)
    {
        if (outcome is ActionOutcome.AccountBlocked blocked)
        {
            _credentials.Forget(account);
            Log.WhatsAppAccountStopped(_logger, account.AccountId, blocked.Reason);
        }

        return outcome;
    }
}
