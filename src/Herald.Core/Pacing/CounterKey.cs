using Herald.Core.Domain;

namespace Herald.Core.Pacing;

/// <summary>What a rolling 24-hour counter counts: one per action kind, plus messages that carried a link.</summary>
public enum CounterKey
{
    /// <summary>Invites (<see cref="ActionKind.Invite"/>).</summary>
    Invite = ActionKind.Invite,

    /// <summary>Contacts added (<see cref="ActionKind.AddContact"/>).</summary>
    AddContact = ActionKind.AddContact,

    /// <summary>Personal messages (<see cref="ActionKind.PersonalMessage"/>).</summary>
    PersonalMessage = ActionKind.PersonalMessage,

    /// <summary>Bot messages (<see cref="ActionKind.BotMessage"/>).</summary>
    BotMessage = ActionKind.BotMessage,

    /// <summary>Messages (personal or bot) whose text held a link: counted against the lower cap.</summary>
    MessageWithLinks,
}
