namespace Herald.Simulator.TdLib;

/// <summary>A personal message that reached a person (after <c>updateMessageSendSucceeded</c>).</summary>
/// <param name="AccountUserId">The sending account.</param>
/// <param name="UserId">The recipient.</param>
/// <param name="Text">What it said.</param>
/// <param name="At">When.</param>
public sealed record TdSimMessage(long AccountUserId, long UserId, string Text, DateTimeOffset At);
