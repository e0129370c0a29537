using Herald.Core.Domain;
using Herald.Engine.Model;

namespace Herald.Engine.Orchestrations;

/// <summary>
/// Reads a preparing campaign's recipients again from where they were kept (<see cref="CampaignRecord.PrepareFrom"/>,
/// an import in the host), as the campaign will reach them (those its accounts cannot reach are left out), each once
/// and in list order: the order that numbers its targets. A slice is read without holding the rest of the list.
/// </summary>
public interface IRecipientSource
{
    /// <summary>How many recipients the campaign has, or null when they cannot be read any more (the import is gone).</summary>
    Task<int?> CountAsync(CampaignRecord campaign, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recipients <paramref name="offset"/> … <paramref name="offset"/> + <paramref name="count"/> (fewer at the end of
    /// the list), or null when they cannot be read any more.
    /// </summary>
    Task<IReadOnlyList<Recipient>?> ReadAsync(CampaignRecord campaign, int offset, int count, CancellationToken cancellationToken = default);
}

/// <summary>The source of an engine that keeps no imports: nothing can be read again.</summary>
public sealed class NoRecipientSource : IRecipientSource
{
    /// <inheritdoc />
    public Task<int?> CountAsync(CampaignRecord campaign, CancellationToken cancellationToken = default) => Task.FromResult<int?>(null);

    /// <inheritdoc />
    public Task<IReadOnlyList<Recipient>?> ReadAsync(CampaignRecord campaign, int offset, int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Recipient>?>(null);
}
