using Herald.Core.Domain;
using Herald.Engine.Model;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Reads a preparing campaign's recipients again from where they were kept (<see cref="CampaignRecord.PrepareFrom"/>,
/// an import in the host), as the campaign will reach them (those its accounts cannot reach are left out).
/// </summary>
public interface IRecipientSource
{
    /// <summary>The recipients in list order, or null when they cannot be read any more (the import is gone).</summary>
    Task<IReadOnlyList<Recipient>?> ReadAsync(CampaignRecord campaign, CancellationToken cancellationToken = default);
}

/// <summary>The source of an engine that keeps no imports: nothing can be read again.</summary>
public sealed class NoRecipientSource : IRecipientSource
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Recipient>?> ReadAsync(CampaignRecord campaign, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Recipient>?>(null);
}
