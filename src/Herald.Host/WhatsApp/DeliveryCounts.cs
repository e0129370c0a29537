namespace Herald.Host.WhatsApp;

/// <summary>
/// A campaign's messages by their latest delivery status, as the platform reported it (WhatsApp status webhooks):
/// each message is counted once, under the furthest status it reached (<c>sent</c> → <c>delivered</c> → <c>read</c>;
/// <c>failed</c> ends it).
/// </summary>
/// <param name="Sent">Accepted by the platform, not yet reported delivered.</param>
/// <param name="Delivered">Delivered to the recipient's device, not (yet) read.</param>
/// <param name="Read">Read by the recipient.</param>
/// <param name="Failed">Reported failed after it was accepted.</param>
public sealed record DeliveryCounts(long Sent, long Delivered, long Read, long Failed)
{
    /// <summary>No messages.</summary>
    public static DeliveryCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>The rank of a status: a status only ever moves to a higher one.</summary>
    public static int Rank(string? status) => status switch
    {
        "sent" => 1,
        "delivered" => 2,
        "read" => 3,
        "failed" => 4,
        _ => 0,
    };

    /// <summary>The property that counts a status in a counter row.</summary>
    public static string? Column(string? status) => status switch
    {
        "sent" => "Sent",
        "delivered" => "Delivered",
        "read" => "Read",
        "failed" => "Failed",
        _ => null,
    };
}
