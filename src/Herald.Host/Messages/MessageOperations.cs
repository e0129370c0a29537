using System.Globalization;
using System.Text.Json;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Accounts;
using Herald.Engine.Model;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramBot;
using Microsoft.AspNetCore.Http.HttpResults;
using Telegram.Bot.Types.ReplyMarkups;
using MessageResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<Herald.Host.Messages.MessageResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<Herald.Host.Messages.MessageResponse>,
    Microsoft.AspNetCore.Http.HttpResults.NoContent,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Herald.Host.Messages;

/// <summary>
/// Send, edit and delete single bot messages (R14) under an <c>Idempotency-Key</c>: everything that can be checked
/// is checked before the key is taken (a refused request does not use up its key); once held, the key is completed with
/// the answer (replayed to the same request later) or released when nothing was sent. Messages go through
/// <see cref="TelegramBotMessenger"/>, i.e. the bot's own limiter in this process, the one its broadcast sends wait on.
/// </summary>
internal sealed class MessageOperations(
    AccountService accounts,
    ISecretStore secrets,
    TelegramBotMessenger messenger,
    MessageStore messages,
    IdempotencyStore idempotency,
    PlatformLimits limits,
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

        var (account, token, problem) = await ResolveBotAsync(tenant.TenantId, request.AccountId, sender: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        TelegramChatId.TryParse(request.ChatId, out var chat);
        var fingerprint = IdempotencyStore.Fingerprint("POST", "/api/messages", JsonSerializer.Serialize(request, Json));
        return await IdempotentAsync(http, tenant.TenantId, key!, fingerprint, async () =>
        {
            var sent = await messenger.SendMessageAsync(token!, chat, request.Text, MessageText.Wire(request.ParseMode), Keyboard(request.InlineKeyboard));
            if (!sent.IsOk)
            {
                return MessageReply.Failure(sent.Error);
            }

            var record = new MessageRecord
            {
                Id = ResourceIds.New(),
                TenantId = tenant.TenantId,
                AccountId = account!.AccountId,
                ChatId = chat.ToString(),
                PlatformMessageId = sent.Value.Id,
                SentAt = time.GetUtcNow(),
            };
            await messages.AddAsync(record);
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

        var (_, token, problem) = await ResolveBotAsync(tenant.TenantId, message.AccountId, sender: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        TelegramChatId.TryParse(message.ChatId, out var chat);
        var fingerprint = IdempotencyStore.Fingerprint("PATCH", $"/api/messages/{id}", JsonSerializer.Serialize(request, Json));
        return await IdempotentAsync(http, tenant.TenantId, key!, fingerprint, async () =>
        {
            var edited = await messenger.EditMessageTextAsync(token!, chat, message.PlatformMessageId, request.Text, MessageText.Wire(request.ParseMode), Keyboard(request.InlineKeyboard));
            if (!edited.IsOk)
            {
                return MessageReply.Failure(edited.Error);
            }

            var after = message with { EditedAt = time.GetUtcNow() };
            await messages.ReplaceAsync(after);
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

        var (_, token, problem) = await ResolveBotAsync(tenant.TenantId, message.AccountId, sender: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        TelegramChatId.TryParse(message.ChatId, out var chat);
        var fingerprint = IdempotencyStore.Fingerprint("DELETE", $"/api/messages/{id}", "");
        return await IdempotentAsync(http, tenant.TenantId, key!, fingerprint, async () =>
        {
            var deleted = await messenger.DeleteMessageAsync(token!, chat, message.PlatformMessageId);
            if (!deleted.IsOk)
            {
                return MessageReply.Failure(deleted.Error);
            }

            await messages.ReplaceAsync(message with { DeletedAt = time.GetUtcNow() });
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

    private async Task<(AccountRecord? Account, TelegramBotToken? Token, MessageResult? Problem)> ResolveBotAsync(
        string tenantId, string accountId, bool sender, CancellationToken cancellationToken)
    {
        var account = await accounts.GetRecordAsync(tenantId, accountId, cancellationToken);
        if (account is null)
        {
            return (null, null, sender
                ? ProblemFactory.NotFound($"No account {accountId}.")
                : ProblemFactory.Conflict($"Account {accountId}, which sent the message, was removed."));
        }

        if (account.Platform != PlatformKind.Telegram || account.Kind != AccountKind.Bot)
        {
            return (null, null, ProblemFactory.Validation("accountId", "Only Telegram bot accounts send single messages."));
        }

        if (account.Disabled)
        {
            return (null, null, ProblemFactory.Conflict($"Account {accountId} is disabled."));
        }

        var secret = await secrets.GetAsync(account.SecretReference, cancellationToken);
        return TelegramBotToken.TryParse(secret, out var token)
            ? (account, token, null)
            : (null, null, ProblemFactory.Conflict($"Account {accountId} has no usable token; register the bot again."));
    }

    private async Task<MessageResult> IdempotentAsync(HttpContext http, string tenantId, string key, string fingerprint, Func<Task<MessageReply>> act, CancellationToken cancellationToken)
    {
        var begin = await idempotency.BeginAsync(tenantId, key, fingerprint, cancellationToken);
        switch (begin.State)
        {
            case IdempotencyState.Replay:
                http.Response.Headers[ReplayedHeader] = "true";
                return MessageReply.Read(begin.Response!).ToResult();
            case IdempotencyState.InProgress:
                http.Response.Headers.RetryAfter = "1";
                return ProblemFactory.Conflict("A request with this Idempotency-Key is still in progress; retry shortly to get its answer.");
            case IdempotencyState.Abandoned:
                return ProblemFactory.Conflict("A request with this Idempotency-Key did not finish, so whether it acted is unknown; check before acting again with a new key.");
            case IdempotencyState.Mismatch:
                return ProblemFactory.Unprocessable("Idempotency-Key reused", "This Idempotency-Key was used for a different request; use a new key.");
        }

        // From here the call and its bookkeeping run to the end even if the client goes away: stopping half-way would
        // leave the key held with the outcome unknown.
        var reply = await act();
        if (reply.Release)
        {
            await idempotency.ReleaseAsync(begin.Reservation!, CancellationToken.None);
        }
        else
        {
            await idempotency.CompleteAsync(begin.Reservation!, fingerprint, reply.ToStored(), CancellationToken.None);
        }

        if (reply.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return reply.ToResult();
    }

    private static InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<InlineButtonRequest>>? rows) =>
        TelegramKeyboards.From(rows, b => (b.Text, b.Url, b.CallbackData));

    private static ProblemHttpResult NotFound(string id) => ProblemFactory.NotFound(ResourceIds.IsValid(id) ? $"No message {id}." : "No such message.");
}
