namespace Herald.Simulator.TdLib;

/// <summary>
/// The simulated TDLib's world: people, the user accounts that log in, groups and channels, and faults to inject.
/// Binds from <c>Simulator:TdLib</c> in process mode; replaced at runtime with <c>POST /_sim/tdlib/scenario</c>.
/// </summary>
public sealed class TdScenario
{
    /// <summary>People on Telegram (recipients).</summary>
    public IList<TdSimUser> Users { get; set; } = [];

    /// <summary>User accounts Herald logs in with (they are people too: they can be found and messaged).</summary>
    public IList<TdSimAccount> Accounts { get; set; } = [];

    /// <summary>Supergroups and channels.</summary>
    public IList<TdSimChat> Chats { get; set; } = [];

    /// <summary>Errors answered instead of the real result, in order, each <see cref="TdFault.Times"/> times.</summary>
    public IList<TdFault> Faults { get; set; } = [];

    /// <summary>Actions per account within <see cref="FloodWindowSeconds"/> after which the next is refused with a wait (0: never).</summary>
    public int FloodAfterActions { get; set; }

    /// <summary>The window of <see cref="FloodAfterActions"/> (default 60 s).</summary>
    public int FloodWindowSeconds { get; set; } = 60;

    /// <summary>How long a flood wait lasts (default 30 s); answered as <c>429 Too Many Requests: retry after N</c>.</summary>
    public int FloodWaitSeconds { get; set; } = 30;

    /// <summary>Cold actions (invites, messages to non-contacts) per account per UTC day before <c>PEER_FLOOD</c> (0: unlimited).</summary>
    public int DailyColdBudget { get; set; }
}

/// <summary>A person on Telegram.</summary>
public sealed class TdSimUser
{
    /// <summary>The user id.</summary>
    public long Id { get; set; }

    /// <summary>Public username without <c>@</c>, or null.</summary>
    public string? Username { get; set; }

    /// <summary>Phone in E.164 (<c>+49…</c>), or null.</summary>
    public string? Phone { get; set; }

    /// <summary>First name.</summary>
    public string FirstName { get; set; } = "User";

    /// <summary>Privacy: only contacts may add them to groups (invites land in <c>failedToAddMembers</c>).</summary>
    public bool RestrictsInvites { get; set; }

    /// <summary>Privacy: only contacts may message them (<c>USER_PRIVACY_RESTRICTED</c>).</summary>
    public bool RestrictsMessages { get; set; }

    /// <summary>The account is deleted (<c>INPUT_USER_DEACTIVATED</c>).</summary>
    public bool Deactivated { get; set; }

    /// <summary>Member of too many channels (<c>USER_CHANNELS_TOO_MUCH</c> on invites).</summary>
    public bool ChannelsTooMuch { get; set; }

    /// <summary>Blocked every stranger: messages are accepted, then fail (<c>updateMessageSendFailed</c>).</summary>
    public bool BlocksStrangers { get; set; }
}

/// <summary>A user account Herald logs in with.</summary>
public sealed class TdSimAccount
{
    /// <summary>The account's user id.</summary>
    public long UserId { get; set; }

    /// <summary>The phone it logs in with.</summary>
    public string Phone { get; set; } = "";

    /// <summary>The login code the simulator "sends" (default 12345).</summary>
    public string Code { get; set; } = "12345";

    /// <summary>The two-step verification password, or null.</summary>
    public string? Password { get; set; }

    /// <summary>Username, or null.</summary>
    public string? Username { get; set; }

    /// <summary>This account's <see cref="TdScenario.DailyColdBudget"/> (null: the scenario's).</summary>
    public int? DailyColdBudget { get; set; }

    /// <summary>This account's <see cref="TdScenario.FloodAfterActions"/> (null: the scenario's).</summary>
    public int? FloodAfterActions { get; set; }

    /// <summary>What Telegram thinks of the account: <c>active</c>, <c>deactivated</c>, <c>revoked</c>, <c>unregistered</c>.</summary>
    public string Status { get; set; } = "active";
}

/// <summary>A supergroup or channel.</summary>
public sealed class TdSimChat
{
    /// <summary>TDLib's chat id (<c>-100…</c>).</summary>
    public long Id { get; set; }

    /// <summary>Public username, or null.</summary>
    public string? Username { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = "Group";

    /// <summary>A channel (100 per <c>addChatMembers</c>) rather than a supergroup (20).</summary>
    public bool IsChannel { get; set; }

    /// <summary>Account user ids that administer the chat, and whether each may invite.</summary>
    public IList<TdSimAdmin> Admins { get; set; } = [];

    /// <summary>Members at the start.</summary>
    public IList<long> Members { get; set; } = [];

    /// <summary>Users removed by an admin (<c>USER_KICKED</c>).</summary>
    public IList<long> Kicked { get; set; } = [];

    /// <summary>Users banned (<c>USER_BANNED_IN_CHANNEL</c>).</summary>
    public IList<long> Banned { get; set; } = [];
}

/// <summary>An administrator of a chat.</summary>
public sealed class TdSimAdmin
{
    /// <summary>The admin's user id.</summary>
    public long UserId { get; set; }

    /// <summary>The <c>can_invite_users</c> right.</summary>
    public bool CanInviteUsers { get; set; } = true;
}

/// <summary>An error to answer instead of a method's result.</summary>
public sealed class TdFault
{
    /// <summary>The TDLib method (<c>addChatMembers</c>, <c>sendMessage</c>…).</summary>
    public string Method { get; set; } = "";

    /// <summary>Only for this account's user id (null: any).</summary>
    public long? AccountUserId { get; set; }

    /// <summary>The error code (400, 403, 420, 429…).</summary>
    public int Code { get; set; } = 400;

    /// <summary>The error message (<c>FLOOD_WAIT_30</c>, <c>AUTH_KEY_UNREGISTERED</c>…).</summary>
    public string Message { get; set; } = "";

    /// <summary>How many calls it answers (default 1).</summary>
    public int Times { get; set; } = 1;
}
