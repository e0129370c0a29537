namespace Herald.Platforms.TelegramBot;

/// <summary>A Bot API <c>ChatInviteLink</c>.</summary>
/// <param name="InviteLink">The link (<c>https://t.me/+…</c>).</param>
/// <param name="CreatesJoinRequest">Users joining through it must be approved.</param>
/// <param name="IsPrimary">The chat's primary link.</param>
/// <param name="IsRevoked">The link was revoked.</param>
/// <param name="Name">The link's name (shown to administrators).</param>
/// <param name="ExpireDate">When it expires, Unix seconds.</param>
/// <param name="MemberLimit">How many users may join through it.</param>
public sealed record TelegramChatInviteLink(
    string InviteLink,
    bool CreatesJoinRequest,
    bool IsPrimary,
    bool IsRevoked,
    string? Name = null,
    long? ExpireDate = null,
    int? MemberLimit = null);
