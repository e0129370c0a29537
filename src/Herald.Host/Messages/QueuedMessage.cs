namespace Herald.Host.Messages;

/// <summary>
/// The 202 answer of a message operation still waiting in its bot's transactional lane after
/// <see cref="MessageOptions.AnswerWithin"/>: it will be carried out once; repeat the same request with the same
/// <c>Idempotency-Key</c> (after <c>Retry-After</c>) to get its answer.
/// </summary>
/// <param name="Id">The message's id (for a send: the id it has once sent).</param>
/// <param name="Status">Always <c>queued</c>.</param>
public sealed record QueuedMessage(string Id, string Status = "queued");
