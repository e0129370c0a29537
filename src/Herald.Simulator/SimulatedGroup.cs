namespace Herald.Simulator;

/// <summary>A group or channel the simulator knows members and administrators of.</summary>
public sealed class SimulatedGroup
{
    /// <summary>The chat id (negative, e.g. <c>-1001234567890</c> for a supergroup).</summary>
    public long ChatId { get; set; }

    /// <summary>Optional public username (without <c>@</c>) so the chat can be named <c>@username</c>.</summary>
    public string? Username { get; set; }

    /// <summary>The chat title.</summary>
    public string Title { get; set; } = "Simulated group";

    /// <summary>Bots (by bot id, the number before the token's colon) that administer the chat without the invite right.</summary>
    public IList<long> Administrators { get; set; } = [];

    /// <summary>Bots (by bot id) that administer the chat and hold <c>can_invite_users</c>.</summary>
    public IList<long> InviteAdministrators { get; set; } = [];

    /// <summary>Users who are members.</summary>
    public IList<long> Members { get; set; } = [];

    /// <summary>A deep copy.</summary>
    public SimulatedGroup Clone() => new()
    {
        ChatId = ChatId,
        Username = Username,
        Title = Title,
        Administrators = [.. Administrators],
        InviteAdministrators = [.. InviteAdministrators],
        Members = [.. Members],
    };
}
