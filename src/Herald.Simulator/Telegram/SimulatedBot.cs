namespace Herald.Simulator.Telegram;

/// <summary>What the simulator keeps per bot. Guarded by the state lock.</summary>
internal sealed class SimulatedBot(long id)
{
    public long Id { get; } = id;

    public BotLimits Limits { get; } = new();

    /// <summary>(chat, message id) → index of the delivery in the state's list.</summary>
    public Dictionary<(long Chat, long Message), int> Messages { get; } = [];

    public Dictionary<long, long> LastMessageIds { get; } = [];

    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public long Requests { get; set; }

    /// <summary>The Stars balance in tenths of a Star (one paid message), or null: <see cref="SimulatorOptions.StarsBalance"/>.</summary>
    public long? StarsTenths { get; set; }

    /// <summary>Messages delivered as paid broadcasts.</summary>
    public long PaidDelivered { get; set; }

    /// <summary>Paid sends refused because the balance could not pay for them.</summary>
    public long BalanceTooLow { get; set; }

    public long Delivered { get; set; }

    public long RateLimited { get; set; }

    public long Edited { get; set; }

    public long Deleted { get; set; }

    public long InviteLinksCreated { get; set; }

    /// <summary>Sends still to answer with a forced 429 (<see cref="SimulatorState.ForceRetryAfter"/>).</summary>
    public int ForcedRemaining { get; set; }

    public int ForcedRetryAfterSeconds { get; set; }

    /// <summary>The end of the last forced 429's wait.</summary>
    public DateTimeOffset? ForcedWaitUntil { get; set; }

    public long ForcedAnswered { get; set; }

    public long SentDuringWait { get; set; }

    public TgUser User => new(Id, true, $"Simulated bot {Id}", $"sim{Id}_bot", CanJoinGroups: true);

    public long NextMessageId(long chatId)
    {
        var next = LastMessageIds.GetValueOrDefault(chatId) + 1;
        LastMessageIds[chatId] = next;
        return next;
    }
}
