using Herald.Simulator.Telegram;

namespace Herald.Simulator;

// Paid broadcasts: each bot's Stars balance, and what paid sends took from it.
public sealed partial class SimulatorState
{
    /// <summary>
    /// Sets bot <paramref name="botId"/>'s Stars balance (whole tenths count: one paid message costs
    /// <see cref="SimulatorOptions.StarsPerPaidMessage"/>). <see cref="Reset"/> forgets it.
    /// </summary>
    public void SetStarsBalance(long botId, double stars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stars);
        lock (_gate)
        {
            Bot(botId).StarsTenths = Tenths(stars);
        }
    }

    /// <summary>Bot <paramref name="botId"/>'s balance and what its paid broadcasts took.</summary>
    public StarsStats GetStars(long botId)
    {
        lock (_gate)
        {
            var bot = Bot(botId);
            return new StarsStats(Balance(bot) / 10.0, bot.PaidDelivered, bot.BalanceTooLow);
        }
    }

    // Under the lock: takes one paid message's price from the balance; false when it cannot pay.
    private bool TryPay(SimulatedBot bot)
    {
        var balance = Balance(bot);
        if (balance < 1)
        {
            return false;
        }

        bot.StarsTenths = balance - 1;
        return true;
    }

    private long Balance(SimulatedBot bot) => bot.StarsTenths ?? Tenths(_scenario.Options.StarsBalance);

    private static long Tenths(double stars) => (long)Math.Floor((stars / SimulatorOptions.StarsPerPaidMessage) + 1e-9);
}

/// <summary>One bot's paid broadcasts.</summary>
/// <param name="Balance">Stars left.</param>
/// <param name="PaidDelivered">Messages delivered with <c>allow_paid_broadcast</c> (each took 0.1 Stars).</param>
/// <param name="BalanceTooLow">Paid sends refused with <c>400 BALANCE_TOO_LOW</c>.</param>
public sealed record StarsStats(double Balance, long PaidDelivered, long BalanceTooLow);
