namespace Herald.Simulator.TdLib;

/// <summary>
/// One paced request of an account as the simulated Telegram saw it (<c>importContacts</c>, <c>addContact</c>,
/// <c>sendMessage</c>, <c>addChatMembers</c>), refused or not: the judge of pauses, daily caps and waits.
/// </summary>
/// <param name="AccountUserId">The acting account.</param>
/// <param name="Method">The TDLib method.</param>
/// <param name="UserId">The person acted on (the first one of a list; 0 for a contact import of unknown phones).</param>
/// <param name="At">When it arrived (the simulator's clock).</param>
/// <param name="Result">
/// <c>accepted</c> (it went on to its method's own answer), <c>flood_wait</c> (this request started a wait),
/// <c>during_wait</c> (refused: the account was told to wait), <c>peer_flood</c> (this request limited the account),
/// <c>after_peer_flood</c> (refused: the account was limited before).
/// </param>
/// <param name="WaitUntil">For <c>flood_wait</c>: when the wait ends.</param>
public sealed record TdSimAction(long AccountUserId, string Method, long UserId, DateTimeOffset At, string Result, DateTimeOffset? WaitUntil = null);
