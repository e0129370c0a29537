using Herald.Core.Domain;

namespace Herald.Core.Work;

/// <summary>One running campaign that could use the account now, as the engine sees it in a tick.</summary>
/// <param name="CampaignId">The campaign id.</param>
/// <param name="Priority">Its priority (higher first).</param>
/// <param name="RunnableSince">When it became runnable (started or resumed); aging counts from the later of this and the account's last work for it.</param>
/// <param name="RunnableActions">The action kinds with targets waiting, in the order the engine prefers them (e.g. fallback messages first).</param>
/// <param name="Schedule">Its start time and window.</param>
/// <param name="MayContainLinks">Its message text may hold a link (the lower cap applies to its messages).</param>
public sealed record CampaignCandidate(
    string CampaignId,
    int Priority,
    DateTimeOffset RunnableSince,
    IReadOnlyList<ActionKind> RunnableActions,
    CampaignSchedule Schedule,
    bool MayContainLinks = false);
