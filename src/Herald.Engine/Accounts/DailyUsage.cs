using Herald.Core.Pacing;

namespace Herald.Engine.Accounts;

/// <summary>
/// What an account did in the last 24 hours, counted as its daily caps count it (rolling, across campaigns), so an
/// operator sees usage against <see cref="EffectiveLimits"/>.
/// </summary>
/// <param name="Invites">Invites, against <see cref="EffectiveLimits.InvitesPerDay"/>.</param>
/// <param name="AddContacts">Contacts added, against <see cref="EffectiveLimits.AddContactsPerDay"/>.</param>
/// <param name="Messages">Personal and bot messages, against <see cref="EffectiveLimits.MessagesPerDay"/>.</param>
/// <param name="MessagesWithLinks">Messages with a link, against <see cref="EffectiveLimits.MessagesWithLinksPerDay"/>.</param>
public sealed record DailyUsage(int Invites, int AddContacts, int Messages, int MessagesWithLinks)
{
    /// <summary>The usage in the 24 hours before <paramref name="now"/>.</summary>
    public static DailyUsage From(RollingCounters counters, DateTimeOffset now) => new(
        counters.Count(CounterKey.Invite, now),
        counters.Count(CounterKey.AddContact, now),
        counters.Count(CounterKey.PersonalMessage, now) + counters.Count(CounterKey.BotMessage, now),
        counters.Count(CounterKey.MessageWithLinks, now));
}
