namespace Herald.Core.Domain;

/// <summary>What a campaign does to one recipient.</summary>
public enum ActionKind
{
    /// <summary>Invite (add) the recipient into a group or channel.</summary>
    Invite,

    /// <summary>Add the recipient to the account's contacts.</summary>
    AddContact,

    /// <summary>A personal message from a user account.</summary>
    PersonalMessage,

    /// <summary>A message from a bot (broadcast or transactional).</summary>
    BotMessage,
}
