namespace Herald.Platforms.Abstractions;

/// <summary>The answer to "may this account invite into that chat?" (R12).</summary>
/// <param name="IsAdmin">The account is an administrator (or the creator) of the chat.</param>
/// <param name="CanInviteUsers">The account holds the invite right.</param>
/// <param name="Problem">Why the check failed (chat not found, bad token…), or null when it ran.</param>
public sealed record AdminRightsCheck(bool IsAdmin, bool CanInviteUsers, string? Problem = null);
