using System.Globalization;
using Herald.Engine.Lanes;
using Herald.Engine.Model;
using Herald.Host.Validation;
using Herald.Platforms.TelegramBot;
using MessageResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<Herald.Host.Messages.MessageResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<Herald.Host.Messages.MessageResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Accepted<Herald.Host.Messages.QueuedMessage>,
    Microsoft.AspNetCore.Http.HttpResults.NoContent,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Herald.Host.Messages;

// The key, the lane and the answer: take the key naming the lane row the operation gets, put it in the lane, wait for
// the outcome; a later request with the key finds that row through the key and answers its outcome.
internal sealed partial class MessageOperations
{
    private static readonly TimeSpan FirstLook = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestLook = TimeSpan.FromMilliseconds(500);

    private async Task<MessageResult> IdempotentAsync(
        HttpContext http, Operation operation, string key, Func<LaneMessage, Task<MessageReply>> done, CancellationToken cancellationToken)
    {
        var rowKey = SingleMessageQueue.RowFor(time.GetUtcNow(), Guid.NewGuid().ToString("N"));
        var begin = await idempotency.BeginAsync(operation.TenantId, key, operation.Fingerprint, $"{operation.AccountId}/{rowKey}", cancellationToken);
        switch (begin.State)
        {
            case IdempotencyState.Replay:
                http.Response.Headers[ReplayedHeader] = "true";
                return MessageReply.Read(begin.Response!).ToResult();
            case IdempotencyState.Mismatch:
                return ProblemFactory.Unprocessable("Idempotency-Key reused", "This Idempotency-Key was used for a different request; use a new key.");
            case IdempotencyState.InProgress or IdempotencyState.Abandoned:
                return await FollowAsync(http, operation, begin, done, cancellationToken);
        }

        try
        {
            await lane.EnqueueAsync(operation.TenantId, operation.AccountId, rowKey, operation.MessageId, operation.Command, cancellationToken);
        }
        catch (Exception)
        {
            // Not in the lane, so never sent: the key is given back for a retry. In the lane (only the wake failed), the
            // key stays: a retry with it finds the row and wakes the account.
            if (await lane.GetAsync(operation.TenantId, operation.AccountId, rowKey, CancellationToken.None) is null)
            {
                await idempotency.ReleaseAsync(begin.Reservation!, CancellationToken.None);
            }

            throw;
        }

        return await AnswerAsync(http, operation, begin.Reservation!, rowKey, done, cancellationToken);
    }

    // Another request with the key started the operation (it may have answered 202, or died): answer its outcome if
    // there is one, else say it is in progress.
    private async Task<MessageResult> FollowAsync(
        HttpContext http, Operation operation, IdempotencyBegin begin, Func<LaneMessage, Task<MessageReply>> done, CancellationToken cancellationToken)
    {
        var parts = begin.Operation?.Split('/') ?? [];
        var started = parts.Length == 2 ? await lane.GetAsync(operation.TenantId, parts[0], parts[1], cancellationToken) : null;
        if (started is { IsTerminal: true })
        {
            return await FinishAsync(http, operation, begin.Reservation!, started, done);
        }

        if (started is not null)
        {
            // Still in the lane: make sure its account is awake (the first request may have died before waking it).
            await accounts.WakeAsync(operation.TenantId, started.AccountId, cancellationToken);
            http.Response.Headers.RetryAfter = "1";
            return ProblemFactory.Conflict("A request with this Idempotency-Key is still in progress (queued for the bot); retry shortly to get its answer.");
        }

        if (begin.State == IdempotencyState.InProgress)
        {
            http.Response.Headers.RetryAfter = "1";
            return ProblemFactory.Conflict("A request with this Idempotency-Key is still in progress; retry shortly to get its answer.");
        }

        return ProblemFactory.Conflict("A request with this Idempotency-Key did not finish, so whether it acted is unknown; check before acting again with a new key.");
    }

    // Waits for the lane row to end, up to AnswerWithin (looking less often as it waits); then answers 202.
    private async Task<MessageResult> AnswerAsync(
        HttpContext http, Operation operation, IdempotencyReservation reservation, string rowKey, Func<LaneMessage, Task<MessageReply>> done, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.AnswerWithin;
        var look = FirstLook;
        while (true)
        {
            await Task.Delay(look, time, cancellationToken);
            var row = await lane.GetAsync(operation.TenantId, operation.AccountId, rowKey, cancellationToken);
            if (row is { IsTerminal: true })
            {
                return await FinishAsync(http, operation, reservation, row, done);
            }

            if (time.GetUtcNow() >= deadline)
            {
                http.Response.Headers.RetryAfter = "1";
                return TypedResults.Accepted((string?)null, new QueuedMessage(operation.MessageId));
            }

            look = look * 2 > LongestLook ? LongestLook : look * 2;
        }
    }

    // From here the bookkeeping runs to the end even if the client goes away: the outcome is in the lane row anyway.
    private async Task<MessageResult> FinishAsync(
        HttpContext http, Operation operation, IdempotencyReservation reservation, LaneMessage row, Func<LaneMessage, Task<MessageReply>> done)
    {
        var reply = row.Status switch
        {
            LaneStatus.Done => await done(row),
            LaneStatus.Failed when row.Error is { } error => MessageReply.Failure(TelegramBotSingleMessages.FromPlatformError(error)),
            LaneStatus.Refused => MessageReply.Refused(Refusal(operation.AccountId, row.Refusal)),
            _ => MessageReply.Unknown(),
        };
        if (reply.Release)
        {
            await idempotency.ReleaseAsync(reservation, CancellationToken.None);
        }
        else
        {
            await idempotency.CompleteAsync(reservation, operation.Fingerprint, reply.ToStored(), CancellationToken.None);
        }

        if (reply.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return reply.ToResult();
    }

    private static string Refusal(string accountId, string? reason) => reason switch
    {
        TransactionalLane.AccountDisabled => $"Account {accountId} is disabled; nothing was sent.",
        TransactionalLane.AccountBlocked => $"Account {accountId} is blocked by the platform; nothing was sent.",
        _ => $"Account {accountId} has no usable token ({reason}); register the bot again. Nothing was sent.",
    };
}
