using Herald.Simulator;

namespace Herald.Bench.Broadcast;

/// <summary>
/// How the broadcast benchmark turns the simulator's deliveries into rates. <see cref="Overall"/> is the figure the
/// goal is set on: deliveries per second from the first delivery of any bot to the last of any bot, so the ramp-up
/// (bots starting one after another) and the tail (bots running out of work at different times) count against it.
/// <see cref="Steady"/> leaves both out: the deliveries inside the window in which every bot was between its own first
/// and last delivery, divided by that window. Both count intervals, not deliveries (n deliveries span n − 1 intervals
/// of one bot), so a perfectly paced bot measures exactly its rate.
/// </summary>
internal sealed record BroadcastWindow(double Overall, double Steady, double RampSeconds, double TailSeconds)
{
    public static BroadcastWindow Measure(IReadOnlyList<SimulatedDelivery> deliveries)
    {
        var bots = deliveries.GroupBy(d => d.BotId)
            .Select(g => (First: g.Min(d => d.DeliveredAt), Last: g.Max(d => d.DeliveredAt)))
            .ToList();
        if (deliveries.Count < 2 || bots.Count == 0)
        {
            return new BroadcastWindow(0, 0, 0, 0);
        }

        var first = bots.Min(b => b.First);
        var last = bots.Max(b => b.Last);
        var allStarted = bots.Max(b => b.First);
        var firstDone = bots.Min(b => b.Last);
        // One interval fewer per bot than its deliveries.
        var overall = Rate(deliveries.Count - bots.Count, last - first);
        var inside = deliveries.Count(d => d.DeliveredAt >= allStarted && d.DeliveredAt <= firstDone);
        var steady = firstDone > allStarted ? Rate(inside - bots.Count, firstDone - allStarted) : 0;
        return new BroadcastWindow(overall, steady, (allStarted - first).TotalSeconds, (last - firstDone).TotalSeconds);
    }

    private static double Rate(int intervals, TimeSpan span) =>
        span > TimeSpan.Zero && intervals > 0 ? intervals / span.TotalSeconds : 0;
}
