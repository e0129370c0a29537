namespace Herald.Host.Messages;

/// <summary>How the message API waits for its bot's transactional lane, bound from <c>Herald:Messages</c>.</summary>
public sealed class MessageOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Messages";

    /// <summary>
    /// How long a send, edit or delete waits for the account's actor (in whichever worker holds the account) to carry
    /// it out before it answers 202 <c>queued</c>; the operation still happens once, and the same request with the same
    /// <c>Idempotency-Key</c> then answers its result. Default: 30 seconds.
    /// </summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromSeconds(30);
}
