using Herald.Core.Domain;

namespace Herald.Core.Pacing;

/// <summary>The action an account is about to take (or took), as far as pacing cares.</summary>
/// <param name="Kind">What is done.</param>
/// <param name="CampaignId">The campaign it is for (remembered for aging in work choice), or null.</param>
/// <param name="HasLinks">The message text holds a link (see <see cref="Limits.LinkDetector"/>): the lower cap applies.</param>
/// <param name="Chat">The chat it goes to, for a bot's per-chat and per-group budgets; null for none.</param>
/// <param name="IsGroupChat">The chat is a group (20 messages per minute for Telegram bots).</param>
public readonly record struct PacedAction(
    ActionKind Kind,
    string? CampaignId = null,
    bool HasLinks = false,
    string? Chat = null,
    bool IsGroupChat = false)
{
    /// <summary>An action of a kind, with nothing else known.</summary>
    public static implicit operator PacedAction(ActionKind kind) => new(kind);

    /// <summary>An action of a kind, with nothing else known.</summary>
    public static PacedAction FromActionKind(ActionKind kind) => new(kind);

    internal bool IsMessage => Kind is ActionKind.PersonalMessage or ActionKind.BotMessage;
}
