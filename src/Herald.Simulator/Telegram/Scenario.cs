namespace Herald.Simulator.Telegram;

/// <summary>The options compiled for fast lookups; replaced as a whole when the options change.</summary>
internal sealed class Scenario
{
    public Scenario(SimulatorOptions options)
    {
        options.Validate();
        Options = options;
        Accepted = [.. options.BotTokens];
        Revoked = [.. options.RevokedTokens];
        Blocked = [.. options.BlockedUsers];
        Deactivated = [.. options.DeactivatedUsers];
        NeverStarted = [.. options.NeverStartedUsers];
        Unknown = [.. options.UnknownChats];
        GroupsById = options.Groups.ToDictionary(g => g.ChatId);
        GroupsByUsername = options.Groups
            .Where(g => !string.IsNullOrEmpty(g.Username))
            .ToDictionary(g => g.Username!.TrimStart('@'), StringComparer.OrdinalIgnoreCase);
    }

    public SimulatorOptions Options { get; }

    public HashSet<string> Accepted { get; }

    public HashSet<string> Revoked { get; }

    public HashSet<long> Blocked { get; }

    public HashSet<long> Deactivated { get; }

    public HashSet<long> NeverStarted { get; }

    public HashSet<long> Unknown { get; }

    public Dictionary<long, SimulatedGroup> GroupsById { get; }

    public Dictionary<string, SimulatedGroup> GroupsByUsername { get; }
}

/// <summary>A <c>chat_id</c> as sent: a number or an <c>@username</c>.</summary>
internal readonly record struct ChatRef(long? Id, string? Username);
