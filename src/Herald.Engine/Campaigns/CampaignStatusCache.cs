using System.Collections.Concurrent;
using Herald.Engine.Model;
using Herald.Engine.Persistence;

namespace Herald.Engine.Campaigns;

/// <summary>
/// The status a tick checks before each action, read at most once per <see cref="TrustFor"/> per campaign in
/// this process instead of once per action. A value is trusted for <see cref="TrustFor"/> from the moment its
/// read was sent; pause and cancel wait <see cref="ControlSettle"/> (longer) after their write before they
/// return. So any action that starts after a pause returns was checked against a read sent after the pause
/// was written: an account still finishes at most the action it has in flight.
/// </summary>
public sealed class CampaignStatusCache(CampaignStore campaigns, TimeProvider time)
{
    /// <summary>How long a read status is trusted.</summary>
    public static readonly TimeSpan TrustFor = TimeSpan.FromMilliseconds(200);

    /// <summary>How long pause and cancel wait after their write before they return.</summary>
    public static readonly TimeSpan ControlSettle = TrustFor + TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<(string Tenant, string Campaign), Entry> _entries = new();

    /// <summary>
    /// The campaign's status, at most <see cref="TrustFor"/> old counted from when its read was sent. Callers that come
    /// while a read is on its way share it (its answer is trusted from when it was sent, as their own would be, only
    /// older): with a thousand accounts on one campaign, every expiry sent a read per tick waiting, about one per action.
    /// </summary>
    public async Task<CampaignStatus?> GetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var key = (tenantId, campaignId);
        if (_entries.TryGetValue(key, out var entry) && time.GetElapsedTime(entry.SentAt) < TrustFor && !entry.Read.IsFaulted && !entry.Read.IsCanceled)
        {
            return await entry.Read.WaitAsync(cancellationToken);
        }

        // Not cancelled by this caller: others may be waiting for it (a storage call ends within its own timeout).
        var fresh = new Entry(time.GetTimestamp(), campaigns.GetStatusAsync(tenantId, campaignId, CancellationToken.None));
        _entries.AddOrUpdate(key, fresh, (_, old) => old.SentAt > fresh.SentAt ? old : fresh);
        if (_entries.Count > 10_000)
        {
            _entries.Clear();
        }

        return await fresh.Read.WaitAsync(cancellationToken);
    }

    private sealed record Entry(long SentAt, Task<CampaignStatus?> Read);
}
