using System.Globalization;
using System.Text;

namespace Herald.Core.Pacing;

/// <summary>
/// Rolling 24-hour counters per <see cref="CounterKey"/>, immutable and compact. Each counter is a list of
/// slots (first second, last second, count). With a slot width of zero every action is its own slot and the
/// count is exact; wider slots (for kinds with large or no caps) merge actions and are counted until their
/// <em>last</em> action leaves the window, so a count is never lower than the truth and a cap checked against
/// it is never exceeded. Times are whole Unix seconds: a slot's first second is rounded down, its last up.
/// </summary>
public sealed class RollingCounters : IEquatable<RollingCounters>
{
    private const long DaySeconds = 86_400;
    private static readonly int KeyCount = Enum.GetValues<CounterKey>().Length;
    private static readonly string KeyLetters = "ICPBL";

    private readonly Slot[][] _slots;

    private RollingCounters(Slot[][] slots) => _slots = slots;

    /// <summary>No actions counted.</summary>
    public static RollingCounters Empty { get; } = new([.. Enumerable.Range(0, KeyCount).Select(_ => Array.Empty<Slot>())]);

    /// <summary>True when nothing is counted at all.</summary>
    public bool IsEmpty => _slots.All(s => s.Length == 0);

    /// <summary>How many actions of <paramref name="key"/> count in the 24 hours before <paramref name="now"/>.</summary>
    public int Count(CounterKey key, DateTimeOffset now)
    {
        var after = WindowStartExclusive(now);
        var total = 0;
        foreach (var slot in _slots[(int)key])
        {
            if (slot.LastTicks > after)
            {
                total += slot.Count;
            }
        }

        return total;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="now"/> at which fewer than <paramref name="cap"/> actions
    /// of <paramref name="key"/> count; <see cref="DateTimeOffset.MaxValue"/> when <paramref name="cap"/> is 0.
    /// </summary>
    public DateTimeOffset FreeAt(CounterKey key, int cap, DateTimeOffset now)
    {
        if (cap <= 0)
        {
            return DateTimeOffset.MaxValue;
        }

        var slots = _slots[(int)key];
        var after = WindowStartExclusive(now);
        var first = 0;
        var count = 0;
        for (var i = slots.Length - 1; i >= 0 && slots[i].LastTicks > after; i--)
        {
            count += slots[i].Count;
            first = i;
        }

        if (count < cap)
        {
            return now;
        }

        // Drop the oldest counted slots until the rest is under the cap: the last one dropped leaves at last + 24 h.
        for (var i = first; i < slots.Length; i++)
        {
            count -= slots[i].Count;
            if (count < cap)
            {
                var free = new DateTimeOffset(slots[i].LastTicks, TimeSpan.Zero).AddDays(1);
                return free > now ? free : now;
            }
        }

        return now;
    }

    /// <summary>The (rounded-up) time of the latest counted action of <paramref name="key"/>, or null.</summary>
    public DateTimeOffset? Latest(CounterKey key)
    {
        var slots = _slots[(int)key];
        return slots.Length == 0 ? null : new DateTimeOffset(slots[^1].LastTicks, TimeSpan.Zero);
    }

    /// <summary>
    /// Counts one action at <paramref name="at"/>, merging it into the newest slot when that slot began less than
    /// <paramref name="slotWidth"/> earlier, and forgets slots that left the 24-hour window.
    /// </summary>
    public RollingCounters Add(CounterKey key, DateTimeOffset at, TimeSpan slotWidth)
    {
        var startSec = at.ToUnixTimeSeconds();
        var lastSec = CeilSeconds(at);
        var old = _slots[(int)key];
        var after = WindowStartExclusive(at);
        var keep = 0;
        while (keep < old.Length && old[keep].LastTicks <= after)
        {
            keep++;
        }

        Slot[] updated;
        if (old.Length > keep && slotWidth > TimeSpan.Zero
            && startSec - old[^1].Start < (long)slotWidth.TotalSeconds && lastSec >= old[^1].Last)
        {
            updated = old[keep..];
            updated[^1] = updated[^1] with { Last = lastSec, Count = updated[^1].Count + 1 };
        }
        else
        {
            updated = new Slot[old.Length - keep + 1];
            Array.Copy(old, keep, updated, 0, old.Length - keep);
            updated[^1] = new Slot(startSec, Math.Max(lastSec, old.Length > 0 ? old[^1].Last : lastSec), 1);
        }

        var slots = (Slot[][])_slots.Clone();
        slots[(int)key] = updated;
        return new RollingCounters(slots);
    }

    /// <summary>
    /// The compact text form, e.g. <c>I:1767600000,0,35,1800;B:1767600000,0*350+299</c>: per counter a letter,
    /// the first slot's second, then each slot as the delta of its first second from the previous slot's,
    /// with <c>*count</c> and <c>+span</c> when the slot merges several actions.
    /// </summary>
    public string Serialize()
    {
        var sb = new StringBuilder();
        for (var k = 0; k < KeyCount; k++)
        {
            var slots = _slots[k];
            if (slots.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(';');
            }

            sb.Append(KeyLetters[k]).Append(':').Append(slots[0].Start.ToString(CultureInfo.InvariantCulture));
            var previous = slots[0].Start;
            foreach (var slot in slots)
            {
                sb.Append(',').Append((slot.Start - previous).ToString(CultureInfo.InvariantCulture));
                if (slot.Count != 1)
                {
                    sb.Append('*').Append(slot.Count.ToString(CultureInfo.InvariantCulture));
                }

                if (slot.Last != slot.Start)
                {
                    sb.Append('+').Append((slot.Last - slot.Start).ToString(CultureInfo.InvariantCulture));
                }

                previous = slot.Start;
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads the form written by <see cref="Serialize"/>; throws <see cref="FormatException"/> on garbage.</summary>
    public static RollingCounters Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Empty;
        }

        var slots = Enumerable.Range(0, KeyCount).Select(_ => Array.Empty<Slot>()).ToArray();
        foreach (var part in text.Split(';'))
        {
            if (part.Length < 3 || part[1] != ':' || KeyLetters.IndexOf(part[0], StringComparison.Ordinal) is var k && k < 0)
            {
                throw new FormatException($"Bad counter section '{part}'.");
            }

            var items = part[2..].Split(',');
            var previous = ParseLong(items[0]);
            var list = new Slot[items.Length - 1];
            for (var i = 1; i < items.Length; i++)
            {
                var item = items[i];
                var plus = item.IndexOf('+', StringComparison.Ordinal);
                var span = plus >= 0 ? ParseLong(item[(plus + 1)..]) : 0;
                var head = plus >= 0 ? item[..plus] : item;
                var star = head.IndexOf('*', StringComparison.Ordinal);
                var count = star >= 0 ? (int)ParseLong(head[(star + 1)..]) : 1;
                var start = previous + ParseLong(star >= 0 ? head[..star] : head);
                if (count < 1 || span < 0)
                {
                    throw new FormatException($"Bad counter slot '{item}'.");
                }

                list[i - 1] = new Slot(start, start + span, count);
                previous = start;
            }

            slots[k] = list;
        }

        return new RollingCounters(slots);
    }

    /// <inheritdoc />
    public bool Equals(RollingCounters? other) =>
        other is not null && _slots.Zip(other._slots).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RollingCounters);

    /// <inheritdoc />
    public override int GetHashCode() => _slots.Sum(s => s.Length);

    /// <inheritdoc />
    public override string ToString() => Serialize();

    private static long WindowStartExclusive(DateTimeOffset now) => now.UtcTicks - (DaySeconds * TimeSpan.TicksPerSecond);

    private static long CeilSeconds(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        return at.UtcTicks % TimeSpan.TicksPerSecond == 0 ? seconds : seconds + 1;
    }

    private static long ParseLong(string s) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"Bad number '{s}' in counters.");

    private readonly record struct Slot(long Start, long Last, int Count)
    {
        public long LastTicks => DateTimeOffset.UnixEpoch.UtcTicks + (Last * TimeSpan.TicksPerSecond);
    }
}
