using System.Text.Json.Serialization;
using Herald.Core.Domain;
using Herald.Core.Outcomes;

namespace Herald.Engine.Model;

/// <summary>
/// What one account did for one campaign (R24). Kept in a row of its own beside the account row
/// (<see cref="Persistence.CounterStore"/>), written in one transaction with the tick's write of the account row
/// (so counts follow the target transitions exactly).
/// </summary>
public sealed class CampaignCounters
{
    /// <summary>How many per-minute speed buckets are kept.</summary>
    public const int MinuteBuckets = 15;

    /// <summary>Recipients invited.</summary>
    [JsonPropertyName("inv")]
    public long Invited { get; set; }

    /// <summary>Contacts added.</summary>
    [JsonPropertyName("con")]
    public long ContactsAdded { get; set; }

    /// <summary>Messages delivered.</summary>
    [JsonPropertyName("msg")]
    public long Messaged { get; set; }

    /// <summary>Personal messages sent because the invite was refused by privacy (R13).</summary>
    [JsonPropertyName("mii")]
    public long MessagedInsteadOfInvited { get; set; }

    /// <summary>Messages sent as paid broadcasts (Telegram's <c>allow_paid_broadcast</c>, 0.1 Stars each), of those delivered.</summary>
    [JsonPropertyName("paid")]
    public long Paid { get; set; }

    /// <summary>Targets finished as done.</summary>
    [JsonPropertyName("done")]
    public long Done { get; set; }

    /// <summary>Targets finished as failed.</summary>
    [JsonPropertyName("fail")]
    public long Failed { get; set; }

    /// <summary>Targets whose attempt died half-way (at-most-once).</summary>
    [JsonPropertyName("unk")]
    public long Unknown { get; set; }

    /// <summary>Targets skipped because the recipient is suppressed (R34).</summary>
    [JsonPropertyName("skip")]
    public long Skipped { get; set; }

    /// <summary>FloodWaits / 429s this account received for the campaign.</summary>
    [JsonPropertyName("fw")]
    public long FloodWaits { get; set; }

    /// <summary>Failures (and skips) by reason code.</summary>
    [JsonPropertyName("why")]
    public Dictionary<string, long> Reasons { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Actions per minute (key: minutes since the Unix epoch), the last <see cref="MinuteBuckets"/> minutes.</summary>
    [JsonPropertyName("min")]
    public Dictionary<long, long> Minutes { get; set; } = [];

    /// <summary>
    /// Where the account's actions over all its campaigns are counted per minute as well (the account row's
    /// <see cref="AccountRecord.RecentActions"/>), if anywhere. Not stored with the counters.
    /// </summary>
    [JsonIgnore]
    public Dictionary<long, long>? AccountMinutes { get; set; }

    /// <summary>Targets that reached a terminal state.</summary>
    [JsonIgnore]
    public long Processed => Done + Failed + Unknown + Skipped;

    /// <summary>Counts one successful action (<paramref name="paid"/>: sent as a paid broadcast).</summary>
    public void CountDone(DoneKind kind, DateTimeOffset at, bool paid = false)
    {
        if (paid)
        {
            Paid++;
        }

        switch (kind)
        {
            case DoneKind.Invited:
                Invited++;
                break;
            case DoneKind.ContactAdded:
                ContactsAdded++;
                break;
            case DoneKind.MessagedInsteadOfInvited:
                MessagedInsteadOfInvited++;
                break;
            default:
                Messaged++;
                break;
        }

        CountMinute(at);
    }

    /// <summary>Counts a target that reached a terminal status, with its reason if it has one.</summary>
    public void CountTerminal(TargetStatus status, string? reason)
    {
        switch (status)
        {
            case TargetStatus.Done:
                Done++;
                break;
            case TargetStatus.Failed:
                Failed++;
                break;
            case TargetStatus.Skipped:
                Skipped++;
                break;
            case TargetStatus.Unknown:
                Unknown++;
                break;
        }

        if (reason is not null)
        {
            CountReason(reason);
        }
    }

    /// <summary>Counts a failure reason.</summary>
    public void CountReason(string reason) =>
        Reasons[reason] = Reasons.TryGetValue(reason, out var n) ? n + 1 : 1;

    /// <summary>Adds another account's counters (for campaign totals).</summary>
    public void Add(CampaignCounters other)
    {
        Invited += other.Invited;
        ContactsAdded += other.ContactsAdded;
        Messaged += other.Messaged;
        MessagedInsteadOfInvited += other.MessagedInsteadOfInvited;
        Done += other.Done;
        Failed += other.Failed;
        Unknown += other.Unknown;
        Skipped += other.Skipped;
        FloodWaits += other.FloodWaits;
        Paid += other.Paid;
        foreach (var (reason, n) in other.Reasons)
        {
            Reasons[reason] = Reasons.TryGetValue(reason, out var m) ? m + n : n;
        }

        foreach (var (minute, n) in other.Minutes)
        {
            Minutes[minute] = Minutes.TryGetValue(minute, out var m) ? m + n : n;
        }
    }

    /// <summary>
    /// Actions per minute over the last <paramref name="minutes"/> whole minutes before <paramref name="now"/>; when the
    /// campaign has run for less than that (<paramref name="since"/>), over the time it has run (at least 10 seconds),
    /// so the minutes before its start do not drag its speed down.
    /// </summary>
    public double SpeedPerMinute(DateTimeOffset now, DateTimeOffset? since = null, int minutes = 5)
    {
        var current = now.ToUnixTimeSeconds() / 60;
        if (since is { } start && now - start < TimeSpan.FromMinutes(minutes))
        {
            long ran = 0;
            for (var m = start.ToUnixTimeSeconds() / 60; m <= current; m++)
            {
                ran += Minutes.GetValueOrDefault(m);
            }

            return ran / Math.Max((now - start).TotalMinutes, 1 / 6.0);
        }

        long sum = 0;
        for (var m = current - minutes; m < current; m++)
        {
            sum += Minutes.GetValueOrDefault(m);
        }

        // The current, partial minute counts too when it already holds more than the average.
        var partial = Minutes.GetValueOrDefault(current);
        var elapsed = (now.ToUnixTimeSeconds() % 60) / 60.0;
        return elapsed > 0.2 && partial / elapsed > sum / (double)minutes
            ? (sum + partial) / (minutes + elapsed)
            : sum / (double)minutes;
    }

    /// <summary>Adds <paramref name="count"/> actions at <paramref name="minute"/> to per-minute buckets, keeping the last <see cref="MinuteBuckets"/>.</summary>
    public static void CountMinute(Dictionary<long, long> minutes, long minute, long count = 1)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        minutes[minute] = minutes.GetValueOrDefault(minute) + count;
        if (minutes.Count > MinuteBuckets)
        {
            var newest = minutes.Keys.Max();
            foreach (var old in minutes.Keys.Where(k => k <= newest - MinuteBuckets).ToList())
            {
                minutes.Remove(old);
            }
        }
    }

    private void CountMinute(DateTimeOffset at)
    {
        var minute = at.ToUnixTimeSeconds() / 60;
        CountMinute(Minutes, minute);
        if (AccountMinutes is { } account)
        {
            CountMinute(account, minute);
        }
    }
}
