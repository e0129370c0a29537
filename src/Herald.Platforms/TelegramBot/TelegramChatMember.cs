namespace Herald.Platforms.TelegramBot;

/// <summary>A Bot API <c>ChatMember</c>: its status and, for administrators, the invite right.</summary>
/// <param name="Status"><c>creator</c>, <c>administrator</c>, <c>member</c>, <c>restricted</c>, <c>left</c> or <c>kicked</c>.</param>
/// <param name="User">Who.</param>
/// <param name="CanInviteUsers">For administrators: <c>can_invite_users</c>.</param>
public sealed record TelegramChatMember(string Status, TelegramUser User, bool? CanInviteUsers = null)
{
    /// <summary>True for the creator and administrators.</summary>
    public bool IsAdministrator => Status is "creator" or "administrator";

    /// <summary>True when the member may invite users (the creator always may).</summary>
    public bool CanInvite => Status == "creator" || (Status == "administrator" && CanInviteUsers == true);
}
