namespace Herald.Storage.Queues;

/// <summary>The answer to a message update.</summary>
/// <param name="PopReceipt">The new pop receipt (the old one is no longer valid).</param>
/// <param name="NextVisibleOn">When the message becomes visible again.</param>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
