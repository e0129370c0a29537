using System.Collections.Concurrent;
using Herald.Core.Domain;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Engine.Orchestrations;
using Herald.Engine.Persistence;
using Herald.Host.Imports;

namespace Herald.Host.Campaigns;

/// <summary>
/// A preparing campaign's recipients, read again from its import (so a crash loses nothing), without those its bots
/// cannot reach (<see cref="BotReach"/>), as they were left out of the total answered at creation. A slice reads only
/// the import's pieces that hold it, found from their counts (<see cref="ImportPiece"/>, kept here per import: an
/// import never changes); the importer kept each recipient once, so the list needs no dedupe. An import stored before
/// pieces were counted is read whole, as before.
/// </summary>
internal sealed class ImportRecipientSource(ImportStore imports, AccountStore accounts, ILogger<ImportRecipientSource> logger) : IRecipientSource
{
    // Piece lists of the imports being prepared (a few KB each); cleared when it grows past this many.
    private const int CachedImports = 32;

    private readonly ConcurrentDictionary<string, IReadOnlyList<ImportPiece>> _pieces = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<int?> CountAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        var opened = await OpenAsync(campaign, cancellationToken);
        if (opened is not var (import, onBots, pieces))
        {
            return null;
        }

        return pieces is null
            ? (await ReadWholeAsync(import, onBots, cancellationToken)).Count
            : pieces.Sum(p => onBots ? p.Reach : p.Count);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Recipient>?> ReadAsync(CampaignRecord campaign, int offset, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var opened = await OpenAsync(campaign, cancellationToken);
        if (opened is not var (import, onBots, pieces))
        {
            return null;
        }

        if (pieces is null)
        {
            return [.. (await ReadWholeAsync(import, onBots, cancellationToken)).Skip(offset).Take(count)];
        }

        // The pieces that hold recipients offset … offset + count - 1 of the list as the campaign reaches it.
        var slice = new List<Recipient>(count);
        var before = 0;
        ImportPiece? first = null;
        ImportPiece? last = null;
        var skip = 0;
        foreach (var piece in pieces)
        {
            var size = onBots ? piece.Reach : piece.Count;
            if (first is null && before + size > offset)
            {
                (first, skip) = (piece, offset - before);
            }

            before += size;
            if (first is not null)
            {
                last = piece;
                if (before >= offset + count)
                {
                    break;
                }
            }
        }

        if (first is null || last is null || count == 0)
        {
            return slice;
        }

        await foreach (var recipient in imports.ReadPiecesAsync(import, first, last, cancellationToken))
        {
            if (onBots && !BotReach.CanReach(recipient))
            {
                continue;
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            slice.Add(recipient);
            if (slice.Count == count)
            {
                break;
            }
        }

        return slice;
    }

    private async Task<(ImportRecord Import, bool OnBots, IReadOnlyList<ImportPiece>? Pieces)?> OpenAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var import = campaign.PrepareFrom is { } importId ? await imports.GetAsync(campaign.TenantId, importId, cancellationToken) : null;
        if (import is null)
        {
            Log.CampaignImportGone(logger, campaign.TenantId, campaign.Id);
            return null;
        }

        var all = await accounts.ListAsync(campaign.TenantId, cancellationToken);
        var definition = campaign.Campaign;
        var kinds = all.Where(a => a.Platform == definition.Platform && (definition.AccountIds is null || definition.AccountIds.Contains(a.AccountId))).Select(a => a.Kind);
        var onBots = BotReach.RunsOnBots(definition.Platform, definition.Actions, kinds);
        return (import, onBots, await PiecesAsync(import, cancellationToken));
    }

    private async Task<IReadOnlyList<ImportPiece>?> PiecesAsync(ImportRecord import, CancellationToken cancellationToken)
    {
        var key = ImportStore.ChunkPartition(import.TenantId, import.Id);
        if (_pieces.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var pieces = await imports.ReadPiecesAsync(import, cancellationToken);
        if (pieces is not null)
        {
            if (_pieces.Count >= CachedImports)
            {
                _pieces.Clear();
            }

            _pieces[key] = pieces;
        }

        return pieces;
    }

    // An import stored before pieces were counted: the whole list, each once, as the campaign reaches it.
    private async Task<List<Recipient>> ReadWholeAsync(ImportRecord import, bool onBots, CancellationToken cancellationToken)
    {
        var recipients = CampaignService.Unique(await imports.ReadRecipientsAsync(import, cancellationToken));
        return onBots ? [.. recipients.Where(BotReach.CanReach)] : recipients;
    }
}
