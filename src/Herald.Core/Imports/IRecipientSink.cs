using Herald.Core.Domain;

namespace Herald.Core.Imports;

/// <summary>
/// Where a streaming import puts its recipients, a batch at a time and in list order, as they are read (a store
/// writes them; nothing of a batch is kept once the call returns).
/// </summary>
public interface IRecipientSink
{
    /// <summary>Takes the next recipients; the list is reused after the call, so copy what must outlive it.</summary>
    Task WriteAsync(IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default);
}
