using Herald.Core.Domain;
using Herald.Platforms.Abstractions;

namespace Herald.Engine.Campaigns;

/// <summary>A campaign to create: its definition (the id is assigned on create) and its recipients.</summary>
/// <param name="Definition">What to do; <see cref="Campaign.Id"/> is ignored.</param>
/// <param name="Recipients">Who to do it to, already normalized; duplicates are dropped by key.</param>
/// <param name="Name">An operator's name.</param>
/// <param name="Source">Where the list came from and when (R36).</param>
/// <param name="Keyboard">Inline keyboard for bot messages.</param>
/// <param name="RecipientCount">
/// How many unique recipients a campaign created preparing has when <paramref name="Recipients"/> is not its whole list
/// (a list too large to hold is read again by its orchestration); null: the unique ones of <paramref name="Recipients"/>.
/// </param>
public sealed record NewCampaign(
    Campaign Definition,
    IReadOnlyList<Recipient> Recipients,
    string? Name = null,
    string? Source = null,
    IReadOnlyList<IReadOnlyList<InlineButton>>? Keyboard = null,
    int? RecipientCount = null)
{
    /// <summary>
    /// The id to create the campaign under, chosen before (<see cref="Model.EngineKeys.NewCampaignId"/>) so that a
    /// retried request creates the same campaign: when one with this id exists already, creating answers it and writes
    /// nothing. Null: a new id.
    /// </summary>
    public string? Id { get; init; }
}
