namespace Herald.Simulator;

// The counts behind GET /_sim/stats (see SimulatorStats for what counts as a duplicate).
public sealed partial class SimulatorState
{
    /// <summary>Counts per bot and in total, including the duplicate measures.</summary>
    public SimulatorStats GetStats()
    {
        lock (_gate)
        {
            var all = new DuplicateCounter();
            var perBot = new Dictionary<long, DuplicateCounter>();
            foreach (var delivery in _deliveries)
            {
                all.Add(delivery);
                if (!perBot.TryGetValue(delivery.BotId, out var counter))
                {
                    counter = new DuplicateCounter();
                    perBot[delivery.BotId] = counter;
                }

                counter.Add(delivery);
            }

            var bots = _bots.Values
                .OrderBy(b => b.Id)
                .Select(b =>
                {
                    var counter = perBot.GetValueOrDefault(b.Id) ?? new DuplicateCounter();
                    return new SimulatedBotStats(
                        b.Id, b.Requests, b.Delivered, b.RateLimited, b.Edited, b.Deleted, b.InviteLinksCreated,
                        counter.Duplicates, counter.DuplicateRecipients.Count, counter.MultiMessageChats,
                        new Dictionary<string, long>(b.Errors, StringComparer.Ordinal),
                        b.PaidDelivered);
                })
                .ToList();
            var totals = new SimulatorTotals(
                bots.Sum(b => b.Requests), _deliveries.Count, bots.Sum(b => b.RateLimited),
                all.Duplicates, all.DuplicateRecipients.Count, all.MultiMessageChats, bots.Sum(b => b.PaidDelivered));
            return new SimulatorStats(totals, bots);
        }
    }

    private sealed class DuplicateCounter
    {
        private readonly HashSet<(long Chat, string Text)> _seen = [];
        private readonly Dictionary<long, int> _perChat = [];

        public long Duplicates { get; private set; }

        public HashSet<long> DuplicateRecipients { get; } = [];

        public long MultiMessageChats { get; private set; }

        public void Add(SimulatedDelivery delivery)
        {
            if (!_seen.Add((delivery.ChatId, delivery.Text)))
            {
                Duplicates++;
                DuplicateRecipients.Add(delivery.ChatId);
            }

            var count = _perChat.GetValueOrDefault(delivery.ChatId) + 1;
            _perChat[delivery.ChatId] = count;
            if (count == 2)
            {
                MultiMessageChats++;
            }
        }
    }
}
