using System.Globalization;
using System.Text;

namespace Herald.Core.Pacing;

/// <summary>
/// The bot's sends of the last seconds (the last minute for group chats), immutable: what the per-second,
/// per-chat and per-group budgets are checked against. Chats are kept as 32-bit stable hashes; a collision
/// only makes a budget stricter. Times are Unix milliseconds.
/// </summary>
public sealed class RecentSends : IEquatable<RecentSends>
{
    private readonly Entry[] _entries;

    private RecentSends(Entry[] entries) => _entries = entries;

    /// <summary>No recent sends.</summary>
    public static RecentSends Empty { get; } = new([]);

    /// <summary>How many sends are remembered.</summary>
    public int Length => _entries.Length;

    /// <summary>The number of sends in <c>(now - window, now]</c>, optionally to one chat only.</summary>
    public int CountSince(DateTimeOffset now, TimeSpan window, string? chat = null)
    {
        var after = now.ToUnixTimeMilliseconds() - (long)window.TotalMilliseconds;
        var hash = HashOf(chat);
        var count = 0;
        for (var i = _entries.Length - 1; i >= 0 && _entries[i].AtMs > after; i--)
        {
            if (chat is null || _entries[i].Chat == hash)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="now"/> at which fewer than <paramref name="allowed"/> sends
    /// (to <paramref name="chat"/>, or in all) fall in the trailing <paramref name="window"/>.
    /// </summary>
    public DateTimeOffset FreeAt(DateTimeOffset now, TimeSpan window, int allowed, string? chat = null)
    {
        if (allowed <= 0)
        {
            return DateTimeOffset.MaxValue;
        }

        var windowMs = (long)window.TotalMilliseconds;
        var after = now.ToUnixTimeMilliseconds() - windowMs;
        var hash = HashOf(chat);
        var seen = 0;
        for (var i = _entries.Length - 1; i >= 0 && _entries[i].AtMs > after; i--)
        {
            if (chat is not null && _entries[i].Chat != hash)
            {
                continue;
            }

            // The newest 'allowed - 1' sends may stay; the next older one has to leave the window.
            if (++seen == allowed)
            {
                var free = DateTimeOffset.FromUnixTimeMilliseconds(_entries[i].AtMs + windowMs);
                return free > now ? free : now;
            }
        }

        return now;
    }

    /// <summary>
    /// Adds one send and forgets what no budget looks at any more: sends without a chat after a second, sends to
    /// a chat after <paramref name="keepChats"/>, sends to a group after <paramref name="keepGroups"/>.
    /// </summary>
    public RecentSends Add(DateTimeOffset at, string? chat, bool isGroup, TimeSpan keepChats, TimeSpan keepGroups)
    {
        var atMs = at.ToUnixTimeMilliseconds();
        var list = new List<Entry>(_entries.Length + 1);
        foreach (var e in _entries)
        {
            var horizon = e.Chat == 0 ? TimeSpan.FromSeconds(1) : e.Group ? keepGroups : keepChats;
            if (e.AtMs > atMs - (long)horizon.TotalMilliseconds)
            {
                list.Add(e);
            }
        }

        list.Add(new Entry(Math.Max(atMs, _entries.Length > 0 ? _entries[^1].AtMs : atMs), HashOf(chat), isGroup && chat is not null));
        return new RecentSends([.. list]);
    }

    /// <summary>Compact text: <c>baseMs,delta[/hash[g]],…</c> with hashes in hex.</summary>
    public string Serialize()
    {
        if (_entries.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        sb.Append(_entries[0].AtMs.ToString(CultureInfo.InvariantCulture));
        var previous = _entries[0].AtMs;
        foreach (var e in _entries)
        {
            sb.Append(',').Append((e.AtMs - previous).ToString(CultureInfo.InvariantCulture));
            if (e.Chat != 0 || e.Group)
            {
                sb.Append('/').Append(e.Chat.ToString("x", CultureInfo.InvariantCulture));
                if (e.Group)
                {
                    sb.Append('g');
                }
            }

            previous = e.AtMs;
        }

        return sb.ToString();
    }

    /// <summary>Reads the form written by <see cref="Serialize"/>.</summary>
    public static RecentSends Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        var items = text.Split(',');
        var previous = long.Parse(items[0], CultureInfo.InvariantCulture);
        var entries = new Entry[items.Length - 1];
        for (var i = 1; i < items.Length; i++)
        {
            var item = items[i];
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var at = previous + long.Parse(slash >= 0 ? item[..slash] : item, CultureInfo.InvariantCulture);
            var chat = 0;
            var group = false;
            if (slash >= 0)
            {
                var rest = item[(slash + 1)..];
                group = rest.EndsWith('g');
                chat = int.Parse(group ? rest[..^1] : rest, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            entries[i - 1] = new Entry(at, chat, group);
            previous = at;
        }

        return new RecentSends(entries);
    }

    /// <inheritdoc />
    public bool Equals(RecentSends? other) => other is not null && _entries.AsSpan().SequenceEqual(other._entries);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RecentSends);

    /// <inheritdoc />
    public override int GetHashCode() => _entries.Length;

    // 0 means "no chat"; a chat whose hash is 0 is moved to 1.
    private static int HashOf(string? chat) => chat is null ? 0 : StableHash.Of32(chat) is var h && h != 0 ? h : 1;

    private readonly record struct Entry(long AtMs, int Chat, bool Group);
}
