namespace Herald.Platforms.Abstractions;

/// <summary>
/// Where an adapter notes the platform's id of each message it sent, so that delivery receipts arriving later
/// (WhatsApp status webhooks) can be tied back to the action. Optional: an adapter works without one registered.
/// Implementations must not throw for storage trouble: a sent message stays sent.
/// </summary>
public interface ISentMessageLog
{
    /// <summary>Notes that <paramref name="action"/> through <paramref name="account"/> became <paramref name="platformMessageId"/>.</summary>
    Task RecordAsync(PlatformAccount account, PlatformAction action, string platformMessageId, CancellationToken cancellationToken = default);
}
