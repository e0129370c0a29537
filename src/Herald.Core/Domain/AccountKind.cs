namespace Herald.Core.Domain;

/// <summary>Whether an account is a bot (token) or a user account (session).</summary>
public enum AccountKind
{
    /// <summary>A bot, acting through a token (Telegram Bot API).</summary>
    Bot,

    /// <summary>A user account, acting through a session (TDLib / MTProto).</summary>
    User,
}
