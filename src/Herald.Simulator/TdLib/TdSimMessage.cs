namespace Herald.Simulator.TdLib;

/// <summary>A personal message that reached a person (after <c>updateMessageSendSucceeded</c>).</summary>
/// <param name="AccountUserId">The sending account.</param>
/// <param name="UserId">The recipient.</param>
/// <param name="Text">What it said.</param>
/// <param name="At">When.</param>
public sealed record TdSimMessage(long AccountUserId, long UserId, string Text, DateTimeOffset At);

/// <summary>A person added to a chat by an account.</summary>
/// <param name="AccountUserId">The inviting account's user id.</param>
/// <param name="ChatId">The chat.</param>
/// <param name="UserId">The person added.</param>
/// <param name="At">When (the simulator's clock).</param>
public sealed record TdSimInvite(long AccountUserId, long ChatId, long UserId, DateTimeOffset At);
