using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Herald.Platforms.Abstractions;

namespace Herald.Engine.Model;

/// <summary>Where a single message of an account's transactional lane is.</summary>
public enum LaneStatus
{
    /// <summary>Waiting for the account's actor.</summary>
    Pending,

    /// <summary>Claimed by an attempt of the actor; sent once <see cref="LaneMessage.Started"/> is set.</summary>
    Sending,

    /// <summary>The platform did it.</summary>
    Done,

    /// <summary>The platform refused it (<see cref="LaneMessage.Error"/>); nothing changed on the platform.</summary>
    Failed,

    /// <summary>The attempt sending it died mid-call: whether the platform acted is unknown (at most once: never sent again).</summary>
    Unknown,

    /// <summary>The account could not take it (<see cref="LaneMessage.Refusal"/>: disabled, blocked, unusable); never sent.</summary>
    Refused,
}

/// <summary>
/// One single message (send, edit or delete, R14) in an account's transactional lane (<c>{prefix}lane</c>):
/// partition = tenant and account, row = enqueue time and operation id, so the actor drains the lane in order. The
/// text is kept only until the message is terminal.
/// </summary>
public sealed class LaneMessage
{
    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The account whose lane it is in.</summary>
    public required string AccountId { get; init; }

    /// <summary>The row key: enqueue time (ticks) and the operation id.</summary>
    public required string RowKey { get; init; }

    /// <summary>Herald's id of the message the operation is about.</summary>
    public required string MessageId { get; init; }

    /// <summary>What to do.</summary>
    public required SingleMessageCommand Command { get; set; }

    /// <summary>Where it is.</summary>
    public LaneStatus Status { get; set; }

    /// <summary>The attempt that claimed it.</summary>
    public string? Attempt { get; set; }

    /// <summary>The platform call may have been made (at most once: a dead attempt's started message is <see cref="LaneStatus.Unknown"/>).</summary>
    public bool Started { get; set; }

    /// <summary>The platform's id of the message (a send's new id).</summary>
    public long PlatformMessageId { get; set; }

    /// <summary>Why the platform refused it.</summary>
    public PlatformError? Error { get; set; }

    /// <summary>Why the account could not take it (<c>account_disabled</c>, <c>account_blocked</c>, <c>bad_token</c>…).</summary>
    public string? Refusal { get; set; }

    /// <summary>When it was put in the lane.</summary>
    public DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>When it became terminal.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The row's ETag as read.</summary>
    public ETag ETag { get; set; }

    /// <summary>True once it will not change any more.</summary>
    public bool IsTerminal => Status is not (LaneStatus.Pending or LaneStatus.Sending);

    /// <summary>The partition of an account's lane.</summary>
    public static string Partition(string tenantId, string accountId) => $"{tenantId}|{accountId}";

    /// <summary>The row key of an operation put in the lane at <paramref name="at"/>.</summary>
    public static string Row(DateTimeOffset at, string operationId) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks:D19}-{operationId}");

    /// <summary>The table row.</summary>
    public TableEntity ToEntity()
    {
        var c = Command;
        return new TableEntity(Partition(TenantId, AccountId), RowKey)
        {
            ["TenantId"] = TenantId,
            ["AccountId"] = AccountId,
            ["MessageId"] = MessageId,
            ["Kind"] = c.Kind.ToString(),
            ["ChatId"] = c.ChatId,
            // The text (and buttons) only as long as they may still be sent.
            ["Text"] = IsTerminal ? null : c.Text,
            ["ParseMode"] = c.ParseMode,
            ["Keyboard"] = IsTerminal || c.InlineKeyboard is null ? null : JsonSerializer.Serialize(c.InlineKeyboard, EngineJson.Options),
            ["TargetMessageId"] = c.PlatformMessageId,
            ["Status"] = Status.ToString(),
            ["Attempt"] = Attempt,
            ["Started"] = Started,
            ["PlatformMessageId"] = PlatformMessageId,
            ["ErrorSource"] = Error?.Source,
            ["ErrorCode"] = Error?.ErrorCode,
            ["ErrorDescription"] = Error?.Description,
            ["RetryAfterMs"] = Error?.RetryAfter is { } r ? (long)r.TotalMilliseconds : null,
            ["Refusal"] = Refusal,
            ["EnqueuedAt"] = EnqueuedAt,
            ["CompletedAt"] = CompletedAt,
            ETag = ETag,
        };
    }

    /// <summary>Reads a table row.</summary>
    public static LaneMessage FromEntity(TableEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var keyboard = e.GetString("Keyboard") is { Length: > 0 } k
            ? JsonSerializer.Deserialize<List<List<InlineButton>>>(k, EngineJson.Options)
            : null;
        return new LaneMessage
        {
            TenantId = e.GetString("TenantId") ?? "",
            AccountId = e.GetString("AccountId") ?? "",
            RowKey = e.RowKey,
            MessageId = e.GetString("MessageId") ?? "",
            Command = new SingleMessageCommand(
                Enum.TryParse<SingleMessageKind>(e.GetString("Kind"), out var kind) ? kind : SingleMessageKind.Send,
                e.GetString("ChatId") ?? "",
                e.GetString("Text"),
                e.GetString("ParseMode"),
                keyboard?.Select(r => (IReadOnlyList<InlineButton>)r).ToList(),
                e.GetInt64("TargetMessageId") ?? 0),
            Status = Enum.TryParse<LaneStatus>(e.GetString("Status"), out var status) ? status : LaneStatus.Pending,
            Attempt = e.GetString("Attempt"),
            Started = e.GetBoolean("Started") ?? false,
            PlatformMessageId = e.GetInt64("PlatformMessageId") ?? 0,
            Error = e.GetString("ErrorSource") is { } source
                ? new PlatformError(source, e.GetInt32("ErrorCode") ?? 0, e.GetString("ErrorDescription") ?? "",
                    e.GetInt64("RetryAfterMs") is { } ms ? TimeSpan.FromMilliseconds(ms) : null)
                : null,
            Refusal = e.GetString("Refusal"),
            EnqueuedAt = e.GetDateTimeOffset("EnqueuedAt") ?? DateTimeOffset.UnixEpoch,
            CompletedAt = e.GetDateTimeOffset("CompletedAt"),
            ETag = e.ETag,
        };
    }
}
