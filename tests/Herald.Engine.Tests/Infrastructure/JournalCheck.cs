using Herald.Testing.Fakes;

namespace Herald.Engine.Tests.Infrastructure;

/// <summary>What the platform saw across all worker processes, from their shared journal.</summary>
public sealed class JournalCheck(IReadOnlyList<JournalEntry> entries)
{
    /// <summary>Platform calls started per recipient.</summary>
    public Dictionary<string, int> StartedPerRecipient { get; } = entries.Where(e => e.Kind == 'S').GroupBy(e => e.Recipient).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Successful calls per recipient.</summary>
    public Dictionary<string, int> DonePerRecipient { get; } = entries.Where(e => e.Kind == 'D').GroupBy(e => e.Recipient).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Times an account started a call while another of its calls was still open. A call of a
    /// process that was killed ends when that process's last line was written.
    /// </summary>
    public int Overlaps()
    {
        var lastOfProcess = entries.GroupBy(e => e.ProcessId).ToDictionary(g => g.Key, g => g.Max(e => e.At));
        var overlaps = 0;
        foreach (var account in entries.GroupBy(e => e.Account))
        {
            // Pair each start with the next end of the same account in the same process.
            var intervals = new List<(DateTimeOffset From, DateTimeOffset To)>();
            foreach (var process in account.GroupBy(e => e.ProcessId))
            {
                DateTimeOffset? open = null;
                foreach (var e in process.OrderBy(e => e.At).ThenBy(e => e.Kind == 'S' ? 1 : 0))
                {
                    if (e.Kind == 'S')
                    {
                        if (open is not null)
                        {
                            overlaps++; // two open calls in one process
                        }

                        open = e.At;
                    }
                    else if (open is { } from)
                    {
                        intervals.Add((from, e.At));
                        open = null;
                    }
                }

                if (open is { } dangling)
                {
                    intervals.Add((dangling, lastOfProcess[process.Key]));
                }
            }

            var sorted = intervals.OrderBy(i => i.From).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                if (sorted[i].From < sorted[i - 1].To)
                {
                    overlaps++;
                }
            }
        }

        return overlaps;
    }
}
