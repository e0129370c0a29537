using Herald.Engine.Model;

namespace Herald.Engine.Persistence;

/// <summary>A page of campaigns read from storage.</summary>
/// <param name="Items">The campaigns, in storage order.</param>
/// <param name="Next">The continuation of the next page (a <see cref="CampaignPageToken"/>); null on the last.</param>
public sealed record CampaignListPage(IReadOnlyList<CampaignRecord> Items, string? Next);
