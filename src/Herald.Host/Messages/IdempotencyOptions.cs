namespace Herald.Host.Messages;

/// <summary>How long idempotency keys of the message API are honoured, bound from <c>Herald:Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Herald:Idempotency";

    /// <summary>How long a key answers with its first result (counted from when that result was kept); after that it may be used again. Default: 24 hours.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request may hold its key before the key counts as abandoned (the request died mid-way): from then on
    /// the key answers 409 "outcome unknown" instead of "in progress", and never sends again. Default: 2 minutes.
    /// </summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often keys past their retention are deleted from the table. Default: 1 hour.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
