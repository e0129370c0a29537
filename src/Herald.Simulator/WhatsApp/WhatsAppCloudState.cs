using System.Text.Json;
using Herald.Simulator.Telegram;

namespace Herald.Simulator.WhatsApp;

/// <summary>
/// The live state of the simulated WhatsApp Cloud API: scenario, per-number throughput buckets and tier windows,
/// the 24-hour customer-service windows, every accepted message, and the webhooks due. Thread-safe (one lock).
/// </summary>
public sealed partial class WhatsAppCloudState
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly List<WhatsAppDelivery> _deliveries = [];
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _tierWindows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Number, string To), DateTimeOffset> _lastTo = [];
    private readonly Dictionary<string, DateTimeOffset> _repliedAt = new(StringComparer.Ordinal);
    private readonly List<WhatsAppForcedError> _forced = [];
    private WhatsAppScenario _scenario;
    private long _nextId;
    private int _throughput429;
    private int _tierViolations;
    private int _recipientTooOften;
    private int _refused;
    private int _webhooksSent;
    private int _webhooksFailed;

    /// <summary>Creates the state with a scenario (copied) and the simulator's clock.</summary>
    public WhatsAppCloudState(WhatsAppScenario scenario, TimeProvider timeProvider)
    {
        _scenario = scenario.Clone();
        TimeProvider = timeProvider;
        Webhooks = new WhatsAppWebhookQueue();
    }

    /// <summary>The simulator's clock.</summary>
    public TimeProvider TimeProvider { get; }

    internal WhatsAppWebhookQueue Webhooks { get; }

    /// <summary>A copy of the scenario.</summary>
    public WhatsAppScenario Scenario
    {
        get
        {
            lock (_gate)
            {
                return _scenario.Clone();
            }
        }
    }

    /// <summary>Changes the scenario: <paramref name="change"/> edits a copy that then replaces it.</summary>
    public void Configure(Action<WhatsAppScenario> change)
    {
        lock (_gate)
        {
            var next = _scenario.Clone();
            change(next);
            _scenario = next;
        }
    }

    /// <summary>Makes the next sends answer an error (see <see cref="WhatsAppForcedError"/>).</summary>
    public void Force(WhatsAppForcedError error)
    {
        lock (_gate)
        {
            _forced.Add(error);
        }
    }

    /// <summary>Every accepted message, oldest first.</summary>
    public IReadOnlyList<WhatsAppDelivery> GetDeliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    /// <summary>The counts.</summary>
    public WhatsAppStats GetStats()
    {
        lock (_gate)
        {
            return new WhatsAppStats(_deliveries.Count, _throughput429, _tierViolations, _recipientTooOften, _refused, _webhooksSent, _webhooksFailed);
        }
    }

    /// <summary>
    /// A user writes to a business number: their 24-hour window opens, and a message webhook goes to Herald (a
    /// "STOP" reply is how a recipient opts out).
    /// </summary>
    public void Reply(string phoneNumberId, string from, string text)
    {
        WhatsAppScenario scenario;
        lock (_gate)
        {
            _repliedAt[from] = TimeProvider.GetUtcNow();
            scenario = _scenario;
        }

        Webhooks.Enqueue(WhatsAppWebhookBodies.Message(phoneNumberId, from, text, TimeProvider.GetUtcNow()), scenario);
    }

    /// <summary>The quality rating of a number, as <c>GET /{version}/{phone-number-id}</c> answers it.</summary>
    internal WhatsAppAnswer GetNumber(string phoneNumberId, string? token)
    {
        lock (_gate)
        {
            if (Unauthorized(token) is { } refused)
            {
                return refused;
            }

            var number = NumberOf(phoneNumberId);
            return new WhatsAppAnswer(200, new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = phoneNumberId,
                ["quality_rating"] = number.QualityRating,
                ["messaging_limit_tier"] = number.Tier == 0 ? "TIER_UNLIMITED" : $"TIER_{number.Tier}",
            });
        }
    }

    internal void CountWebhook(bool ok)
    {
        lock (_gate)
        {
            if (ok)
            {
                _webhooksSent++;
            }
            else
            {
                _webhooksFailed++;
            }
        }
    }

    private WhatsAppAnswer? Unauthorized(string? token) =>
        string.IsNullOrEmpty(token) || _scenario.RevokedTokens.Contains(token)
            ? WhatsAppAnswer.Error(401, 190, "Error validating access token: Session has expired.")
            : null;

    private WhatsAppNumber NumberOf(string phoneNumberId) =>
        _scenario.Numbers.FirstOrDefault(n => n.PhoneNumberId == phoneNumberId) ?? new WhatsAppNumber(phoneNumberId, _scenario.DefaultTier);

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
