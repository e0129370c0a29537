using System.Text.Json;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Accounts;
using Herald.Engine.Lanes;
using Herald.Engine.Model;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramBot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.Enums;
using MessageResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<Herald.Host.Messages.MessageResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<Herald.Host.Messages.MessageResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Accepted<Herald.Host.Messages.QueuedMessage>,
    Microsoft.AspNetCore.Http.HttpResults.NoContent,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Herald.Host.Messages;

/// <summary>
/// Send, edit and delete single bot messages (R14) under an <c>Idempotency-Key</c>: everything that can be checked
/// is checked before the key is taken (a refused request does not use up its key); once held, the operation is put in
/// the bot's transactional lane (<see cref="SingleMessageQueue"/>), which the bot's account actor drains between its
/// broadcast batches under the same pacing, in whichever worker process holds the account, so the bot's limits hold
/// across every instance. The request waits up to <see cref="MessageOptions.AnswerWithin"/> for the outcome and
/// answers it (201/200/204 or a problem), completing the key with it (replayed to the same request later) or
/// releasing it when nothing was sent; past the wait it answers 202 <c>queued</c>, and the same request with the same
/// key answers the outcome once there is one.
/// </summary>
internal sealed partial class MessageOperations(
    AccountService accounts,
    SingleMessageQueue lane,
    MessageStore messages,
    IdempotencyStore idempotency,
    PlatformLimits limits,
    IOptions<MessageOptions> options,
    TimeProvider time)
{
    /// <summary>The request header that carries the key.</summary>
    public const string KeyHeader = "Idempotency-Key";

    /// <summary>The answer header set on a replayed answer.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly JsonSerializerOptions Json = HeraldJson.Strict;

    public async Task<MessageResult> SendAsync(HttpContext http, ITenantContext tenant, string? key, SendMessageRequest request, CancellationToken cancellationToken)
    {
        if (Check(key, request.Text) is { } invalid)
        {
            return invalid;
        }

        var (account, problem) = await ResolveBotAsync(tenant.TenantId, request.AccountId, sender: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        TelegramChatId.TryParse(request.ChatId, out var chat);
        var fingerprint = IdempotencyStore.Fingerprint("POST", "/api/messages", JsonSerializer.Serialize(request, Json));
        var command = new SingleMessageCommand(SingleMessageKind.Send, chat.ToString(), request.Text, Wire(request.ParseMode), Keyboard(request.InlineKeyboard));
        return await IdempotentAsync(http, new Operation(tenant.TenantId, account!.AccountId, ResourceIds.New(), command, fingerprint), key!, async done =>
        {
            var record = new MessageRecord
            {
                Id = done.MessageId,
                TenantId = done.TenantId,
                AccountId = done.AccountId,
                ChatId = done.Command.ChatId,
                PlatformMessageId = done.PlatformMessageId,
                SentAt = done.CompletedAt ?? time.GetUtcNow(),
            };
            await messages.ReplaceAsync(record, CancellationToken.None);
            return new MessageReply(StatusCodes.Status201Created, MessageResponse.From(record));
        }, cancellationToken);
    }

    public async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> GetAsync(ITenantContext tenant, string id, CancellationToken cancellationToken)
    {
        var message = await messages.GetAsync(tenant.TenantId, id, cancellationToken);
        return message is null ? NotFound(id) : TypedResults.Ok(MessageResponse.From(message));
    }

    public async Task<MessageResult> EditAsync(HttpContext http, ITenantContext tenant, string? key, string id, EditMessageRequest request, CancellationToken cancellationToken)
    {
        if (Check(key, request.Text) is { } invalid)
        {
            return invalid;
        }

        var message = await messages.GetAsync(tenant.TenantId, id, cancellationToken);
        if (message is null)
        {
            return NotFound(id);
        }

        if (message.DeletedAt is not null)
        {
            return ProblemFactory.Conflict($"Message {id} was deleted.");
        }

        var (_, problem) = await ResolveBotAsync(tenant.TenantId, message.AccountId, sender: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var fingerprint = IdempotencyStore.Fingerprint("PATCH", $"/api/messages/{id}", JsonSerializer.Serialize(request, Json));
        var command = new SingleMessageCommand(SingleMessageKind.Edit, message.ChatId, request.Text, Wire(request.ParseMode), Keyboard(request.InlineKeyboard), message.PlatformMessageId);
        return await IdempotentAsync(http, new Operation(tenant.TenantId, message.AccountId, message.Id, command, fingerprint), key!, async done =>
        {
            var after = message with { EditedAt = done.CompletedAt ?? time.GetUtcNow() };
            await messages.ReplaceAsync(after, CancellationToken.None);
            return new MessageReply(StatusCodes.Status200OK, MessageResponse.From(after));
        }, cancellationToken);
    }

    public async Task<MessageResult> DeleteAsync(HttpContext http, ITenantContext tenant, string? key, string id, CancellationToken cancellationToken)
    {
        if (Check(key, text: null) is { } invalid)
        {
            return invalid;
        }

        var message = await messages.GetAsync(tenant.TenantId, id, cancellationToken);
        if (message is null)
        {
            return NotFound(id);
        }

        if (message.DeletedAt is not null)
        {
            return TypedResults.NoContent();
        }

        var (_, problem) = await ResolveBotAsync(tenant.TenantId, message.AccountId, sender: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var fingerprint = IdempotencyStore.Fingerprint("DELETE", $"/api/messages/{id}", "");
        var command = new SingleMessageCommand(SingleMessageKind.Delete, message.ChatId, PlatformMessageId: message.PlatformMessageId);
        return await IdempotentAsync(http, new Operation(tenant.TenantId, message.AccountId, message.Id, command, fingerprint), key!, async done =>
        {
            await messages.ReplaceAsync(message with { DeletedAt = done.CompletedAt ?? time.GetUtcNow() }, CancellationToken.None);
            return new MessageReply(StatusCodes.Status204NoContent);
        }, cancellationToken);
    }

    private ValidationProblem? Check(string? key, string? text)
    {
        var errors = new ValidationErrors();
        if (IdempotencyStore.CheckKey(key) is { } keyProblem)
        {
            errors.Add(KeyHeader, keyProblem);
        }

        errors.MaxLength("text", text, limits.For(PlatformKind.Telegram, AccountKind.Bot).MaxMessageLength);
        return errors.IsEmpty ? null : ProblemFactory.Validation(errors);
    }

    // The bot's token is the worker's business (the lane refuses a message whose token is unusable): the API only
    // checks what it can answer at once.
    private async Task<(AccountRecord? Account, MessageResult? Problem)> ResolveBotAsync(
        string tenantId, string accountId, bool sender, CancellationToken cancellationToken)
    {
        var account = await accounts.GetRecordAsync(tenantId, accountId, cancellationToken);
        if (account is null)
        {
            return (null, sender
                ? ProblemFactory.NotFound($"No account {accountId}.")
                : ProblemFactory.Conflict($"Account {accountId}, which sent the message, was removed."));
        }

        if (account.Platform != PlatformKind.Telegram || account.Kind != AccountKind.Bot)
        {
            return (null, ProblemFactory.Validation("accountId", "Only Telegram bot accounts send single messages."));
        }

        if (account.Disabled)
        {
            return (null, ProblemFactory.Conflict($"Account {accountId} is disabled."));
        }

        return account.State.IsBlocked
            ? (null, ProblemFactory.Conflict($"Account {accountId} is blocked by the platform ({account.State.BlockedReason}); register the bot again."))
            : (account, null);
    }

    private static string? Wire(MessageParseMode? mode) => MessageText.Wire(mode) is var wire && wire == ParseMode.None ? null : wire.ToString();

    private static IReadOnlyList<IReadOnlyList<InlineButton>>? Keyboard(IReadOnlyList<IReadOnlyList<InlineButtonRequest>>? rows) =>
        rows?.Select(r => (IReadOnlyList<InlineButton>)[.. r.Select(b => new InlineButton(b.Text, b.Url, b.CallbackData))]).ToList();

    private static ProblemHttpResult NotFound(string id) => ProblemFactory.NotFound(ResourceIds.IsValid(id) ? $"No message {id}." : "No such message.");

    /// <summary>One operation for the lane: who, which message, what, and the request's fingerprint.</summary>
    private sealed record Operation(string TenantId, string AccountId, string MessageId, SingleMessageCommand Command, string Fingerprint);
}
