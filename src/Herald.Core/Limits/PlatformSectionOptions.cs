namespace Herald.Core.Limits;

/// <summary>The limits of one platform, per kind of account; a null kind does not exist on that platform.</summary>
public sealed class PlatformSectionOptions
{
    /// <summary>User accounts (sessions, personal numbers, mailboxes).</summary>
    public AccountLimitsOptions? User { get; set; }

    /// <summary>Bots (Telegram Bot API, the WhatsApp Cloud API's business numbers).</summary>
    public AccountLimitsOptions? Bot { get; set; }

    /// <summary>A deep copy.</summary>
    public PlatformSectionOptions Clone() => new() { User = User?.Clone(), Bot = Bot?.Clone() };
}
