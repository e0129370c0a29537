namespace Herald.Engine.Orchestrations;

/// <summary>Settings of the campaign orchestrations and their task hub (<c>Herald:Durable</c>).</summary>
public sealed class DurableOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Herald:Durable";

    /// <summary>
    /// The task hub: its queues, tables and blob container in the engine's storage account (the Durable Functions Monitor
    /// opens it by this name). 3–45 letters and digits, starting with a letter. Default <c>herald</c>.
    /// </summary>
    public string TaskHubName { get; set; } = "herald";

    /// <summary>Control queues of the task hub (1–16): how many hosts can share the orchestrations' work. Default 4.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// The longest pause between two polls of the task hub's queues when it is idle (the Durable Task Framework backs off
    /// up to it): bounds how late a timer or a signal is noticed. Default 2 seconds.
    /// </summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a host holds a control-queue partition without renewing it (renewed every third of it): a host that died
    /// has its orchestrations taken over by another within about this. Default 30 seconds (the framework's).
    /// </summary>
    public TimeSpan PartitionLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a task hub message taken by a host stays invisible to the others: a message in flight on a host that died
    /// is taken up again after it. Default 5 minutes (the framework's).
    /// </summary>
    public TimeSpan MessageVisibility { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a running or paused campaign's orchestration looks at it without being signalled. Default 1 minute.</summary>
    public TimeSpan LookEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often a worker looks for campaigns that have not ended and have no orchestration (its start was lost: the task
    /// hub was down when the campaign was created, or the campaign is older than orchestrations) and schedules it; a
    /// campaign is looked at once it is this old. Default 1 minute.
    /// </summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Targets one preparation activity writes (1–100,000). Default 5,000.</summary>
    public int PrepareChunk { get; set; } = 5000;

    /// <summary>Preparation activities of one campaign run at once (1–64). Default 4.</summary>
    public int ChunksAtOnce { get; set; } = 4;

    /// <summary>The problems of these settings; empty when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (TaskHubName is not { Length: >= 3 and <= 45 } || !char.IsAsciiLetter(TaskHubName[0]) || !TaskHubName.All(char.IsAsciiLetterOrDigit))
        {
            yield return "TaskHubName must be 3-45 letters and digits, starting with a letter.";
        }

        if (PartitionCount is < 1 or > 16)
        {
            yield return "PartitionCount must be between 1 and 16.";
        }

        if (MaxPollInterval < TimeSpan.FromMilliseconds(100) || MaxPollInterval > TimeSpan.FromMinutes(1))
        {
            yield return "MaxPollInterval must be between 100 milliseconds and 1 minute.";
        }

        if (PartitionLease < TimeSpan.FromSeconds(3))
        {
            yield return "PartitionLease must be at least 3 seconds.";
        }

        if (MessageVisibility < TimeSpan.FromSeconds(5))
        {
            yield return "MessageVisibility must be at least 5 seconds.";
        }

        if (LookEvery < TimeSpan.FromSeconds(1))
        {
            yield return "LookEvery must be at least 1 second.";
        }

        if (ReconcileEvery < TimeSpan.FromSeconds(1))
        {
            yield return "ReconcileEvery must be at least 1 second.";
        }

        if (PrepareChunk is < 1 or > 100_000)
        {
            yield return "PrepareChunk must be between 1 and 100000.";
        }

        if (ChunksAtOnce is < 1 or > 64)
        {
            yield return "ChunksAtOnce must be between 1 and 64.";
        }
    }

    /// <summary>The orchestration input of a campaign under these settings.</summary>
    public CampaignRun RunOf(string tenantId, string campaignId) => new(tenantId, campaignId, LookEvery, PrepareChunk, ChunksAtOnce);
}
