using Azure;
using Azure.Data.Tables;
using Herald.Core.Domain;

namespace Herald.Engine.Model;

/// <summary>
/// One recipient of a campaign (partition = tenant|campaign|shard, row = sequence). It moves
/// <c>pending → sending(attempt) → done | failed | unknown | skipped</c> under its ETag; the
/// claim is written before the platform call and the outcome after it.
/// </summary>
public sealed class TargetRecord
{
    /// <summary>The partition key (tenant|campaign|shard).</summary>
    public required string PartitionKey { get; init; }

    /// <summary>The row key (sequence in the list).</summary>
    public required string RowKey { get; init; }

    /// <summary>Who it is.</summary>
    public required Recipient Recipient { get; set; }

    /// <summary>Where it stands.</summary>
    public TargetStatus Status { get; set; }

    /// <summary>The index of the campaign action to run next.</summary>
    public int Step { get; set; }

    /// <summary>The invite was refused by privacy: a personal message is due instead (R13).</summary>
    public bool FallbackPending { get; set; }

    /// <summary>The attempt that claimed it (or finished it).</summary>
    public string? Attempt { get; set; }

    /// <summary>The account of that attempt.</summary>
    public string? AccountId { get; set; }

    /// <summary>Transient failures so far.</summary>
    public int TransientFailures { get; set; }

    /// <summary>Not to be claimed before this time (transient back-off).</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>Why it failed, was skipped, or is unknown (a reason code, no PII).</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// The attempt in <see cref="Attempt"/> may have reached the platform for this target. A target in
    /// <c>sending</c> that was never started goes back to pending when its attempt dies, whatever the
    /// delivery mode: only a started one is ambiguous.
    /// </summary>
    public bool Started { get; set; }

    /// <summary>What the attempt in <see cref="Attempt"/> achieved (comma-separated <c>DoneKind</c>s), so recovery can count it.</summary>
    public string? Achieved { get; set; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The row's ETag as read (or as written by the last transaction).</summary>
    public ETag ETag { get; set; }

    /// <summary>The shard the target is in.</summary>
    public int Shard => EngineKeys.ShardOf(PartitionKey);

    /// <summary>The table row.</summary>
    public TableEntity ToEntity()
    {
        var e = new TableEntity(PartitionKey, RowKey)
        {
            ["Recipient"] = StoredRecipient.Write(Recipient),
            ["Status"] = Status.ToString(),
            ["Step"] = Step,
            ["FallbackPending"] = FallbackPending,
            ["Attempt"] = Attempt,
            ["AccountId"] = AccountId,
            ["TransientFailures"] = TransientFailures,
            ["NotBefore"] = NotBefore,
            ["Reason"] = Reason,
            ["Started"] = Started,
            ["Achieved"] = Achieved,
            ["UpdatedAt"] = UpdatedAt,
        };
        e.ETag = ETag;
        return e;
    }

    /// <summary>Reads a table row.</summary>
    public static TargetRecord FromEntity(TableEntity e) => new()
    {
        PartitionKey = e.PartitionKey,
        RowKey = e.RowKey,
        Recipient = StoredRecipient.Read(e.GetString("Recipient")),
        Status = Enum.Parse<TargetStatus>(e.GetString("Status") ?? nameof(TargetStatus.Pending)),
        Step = e.GetInt32("Step") ?? 0,
        FallbackPending = e.GetBoolean("FallbackPending") ?? false,
        Attempt = e.GetString("Attempt"),
        AccountId = e.GetString("AccountId"),
        TransientFailures = e.GetInt32("TransientFailures") ?? 0,
        NotBefore = e.GetDateTimeOffset("NotBefore"),
        Reason = e.GetString("Reason"),
        Started = e.GetBoolean("Started") ?? false,
        Achieved = e.GetString("Achieved"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt"),
        ETag = e.ETag,
    };
}
