namespace Herald.Storage.Queues;

/// <summary>The answer to a send.</summary>
/// <param name="MessageId">The new message's id.</param>
/// <param name="PopReceipt">A receipt that can delete or update the message before it is received.</param>
/// <param name="InsertionTime">When it was enqueued.</param>
/// <param name="ExpirationTime">When it expires (year 9999 for never).</param>
/// <param name="TimeNextVisible">When it first becomes visible.</param>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertionTime, DateTimeOffset ExpirationTime, DateTimeOffset TimeNextVisible);
