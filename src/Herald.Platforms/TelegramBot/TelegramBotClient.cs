using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// A typed Telegram Bot API client over <see cref="HttpClient"/>. One client serves any number of
/// bots: each call takes the bot's <see cref="TelegramBotToken"/>. Calls return a
/// <see cref="TelegramResult{T}"/>: Telegram's refusals, network failures and timeouts are values,
/// never exceptions (only the caller's own cancellation throws). The token travels in the request
/// path only; it is never logged and never part of an error.
/// </summary>
public sealed partial class TelegramBotClient
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly ILogger _logger;

    /// <summary>Creates a client; <c>AddTelegramBotPlatform</c> registers it as a typed <see cref="HttpClient"/> client.</summary>
    /// <param name="httpClient">The transport; its <see cref="HttpClient.Timeout"/> is the request timeout.</param>
    /// <param name="options">The base URL.</param>
    /// <param name="logger">Failures are logged without the token.</param>
    public TelegramBotClient(HttpClient httpClient, IOptions<TelegramBotOptions> options, ILogger<TelegramBotClient> logger)
    {
        _http = httpClient;
        _baseUrl = options.Value.BaseUrl.TrimEnd('/');
        _logger = logger;
    }

    /// <summary><c>getMe</c>: the bot itself (also a cheap check that the token works).</summary>
    public Task<TelegramResult<TelegramUser>> GetMeAsync(TelegramBotToken token, CancellationToken cancellationToken = default) =>
        CallAsync<TelegramUser>(token, "getMe", null, cancellationToken);

    /// <summary><c>sendMessage</c>: a text message, optionally formatted and with an inline keyboard.</summary>
    /// <param name="token">The sending bot.</param>
    /// <param name="chatId">The user (who must have started the bot) or group.</param>
    /// <param name="text">1–4096 characters.</param>
    /// <param name="parseMode"><c>HTML</c>, <c>MarkdownV2</c> or <c>Markdown</c>; null for plain text.</param>
    /// <param name="inlineKeyboard">Rows of buttons under the message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TelegramResult<TelegramMessage>> SendMessageAsync(
        TelegramBotToken token,
        TelegramChatId chatId,
        string text,
        string? parseMode = null,
        IReadOnlyList<IReadOnlyList<TelegramInlineKeyboardButton>>? inlineKeyboard = null,
        CancellationToken cancellationToken = default) =>
        CallAsync<TelegramMessage>(token, "sendMessage", new SendMessageRequest(chatId, text, parseMode, Markup(inlineKeyboard)), cancellationToken);

    /// <summary><c>editMessageText</c>: replaces the text (and keyboard) of a message the bot sent.</summary>
    public Task<TelegramResult<TelegramMessage>> EditMessageTextAsync(
        TelegramBotToken token,
        TelegramChatId chatId,
        long messageId,
        string text,
        string? parseMode = null,
        IReadOnlyList<IReadOnlyList<TelegramInlineKeyboardButton>>? inlineKeyboard = null,
        CancellationToken cancellationToken = default) =>
        CallAsync<TelegramMessage>(token, "editMessageText", new EditMessageTextRequest(chatId, messageId, text, parseMode, Markup(inlineKeyboard)), cancellationToken);

    /// <summary><c>deleteMessage</c>: deletes a message; the result is Telegram's <c>true</c>.</summary>
    public Task<TelegramResult<bool>> DeleteMessageAsync(TelegramBotToken token, TelegramChatId chatId, long messageId, CancellationToken cancellationToken = default) =>
        CallAsync<bool>(token, "deleteMessage", new MessageRequest(chatId, messageId), cancellationToken);

    /// <summary><c>getChatMember</c>: a user's status in a chat (for the bot itself: whether it is an admin that may invite).</summary>
    public Task<TelegramResult<TelegramChatMember>> GetChatMemberAsync(TelegramBotToken token, TelegramChatId chatId, long userId, CancellationToken cancellationToken = default) =>
        CallAsync<TelegramChatMember>(token, "getChatMember", new ChatUserRequest(chatId, userId), cancellationToken);

    /// <summary><c>createChatInviteLink</c>: a new invite link (the bot must be an admin with <c>can_invite_users</c>).</summary>
    /// <param name="token">The bot.</param>
    /// <param name="chatId">The group or channel.</param>
    /// <param name="name">Up to 32 characters, shown to administrators.</param>
    /// <param name="expireDate">When the link stops working.</param>
    /// <param name="memberLimit">1–99999 users may join through it; not with <paramref name="createsJoinRequest"/>.</param>
    /// <param name="createsJoinRequest">Joining needs an administrator's approval; not with <paramref name="memberLimit"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">Both a member limit and join requests, or a limit out of range.</exception>
    public Task<TelegramResult<TelegramChatInviteLink>> CreateChatInviteLinkAsync(
        TelegramBotToken token,
        TelegramChatId chatId,
        string? name = null,
        DateTimeOffset? expireDate = null,
        int? memberLimit = null,
        bool? createsJoinRequest = null,
        CancellationToken cancellationToken = default)
    {
        if (memberLimit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(memberLimit));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 99_999, nameof(memberLimit));
            if (createsJoinRequest == true)
            {
                throw new ArgumentException("A link cannot both limit members and create join requests.", nameof(createsJoinRequest));
            }
        }

        var request = new CreateChatInviteLinkRequest(chatId, name, expireDate?.ToUnixTimeSeconds(), memberLimit, createsJoinRequest);
        return CallAsync<TelegramChatInviteLink>(token, "createChatInviteLink", request, cancellationToken);
    }

    /// <summary><c>approveChatJoinRequest</c>: lets a user who asked to join in; the result is Telegram's <c>true</c>.</summary>
    public Task<TelegramResult<bool>> ApproveChatJoinRequestAsync(TelegramBotToken token, TelegramChatId chatId, long userId, CancellationToken cancellationToken = default) =>
        CallAsync<bool>(token, "approveChatJoinRequest", new ChatUserRequest(chatId, userId), cancellationToken);

    private static InlineKeyboardMarkup? Markup(IReadOnlyList<IReadOnlyList<TelegramInlineKeyboardButton>>? rows) =>
        rows is { Count: > 0 } ? new InlineKeyboardMarkup(rows) : null;

    private async Task<TelegramResult<T>> CallAsync<T>(TelegramBotToken token, string method, object? parameters, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_baseUrl}/bot{token.Value}/{method}", UriKind.Absolute));
        if (parameters is not null)
        {
            request.Content = JsonContent.Create(parameters, parameters.GetType(), options: Json);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Interpret<T>(token, method, response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed (the caller did not cancel).
            Log.BotApiNoAnswer(_logger, token.BotId, method, TelegramErrorSource.Timeout, HttpRequestError.Unknown);
            return TelegramResult<T>.Failure(new TelegramApiError(TelegramErrorSource.Timeout, 0, "No answer within the request timeout."));
        }
        catch (HttpRequestException e)
        {
            // e.Message can name the host; the request URI (with the token) is never put in an error.
            Log.BotApiNoAnswer(_logger, token.BotId, method, TelegramErrorSource.Network, e.HttpRequestError);
            return TelegramResult<T>.Failure(new TelegramApiError(TelegramErrorSource.Network, 0, $"Network error: {e.HttpRequestError}."));
        }
    }

    private TelegramResult<T> Interpret<T>(TelegramBotToken token, string method, HttpStatusCode status, byte[] body)
    {
        BotApiResponse<T>? envelope = null;
        try
        {
            envelope = JsonSerializer.Deserialize<BotApiResponse<T>>(body, Json);
        }
        catch (JsonException)
        {
        }

        if (envelope is { Ok: true, Result: { } result })
        {
            return TelegramResult<T>.Success(result);
        }

        TelegramApiError error;
        if (envelope is { Ok: false })
        {
            var retryAfter = envelope.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            error = new TelegramApiError(
                TelegramErrorSource.Api,
                envelope.ErrorCode ?? (int)status,
                envelope.Description ?? status.ToString(),
                retryAfter,
                envelope.Parameters?.MigrateToChatId);
        }
        else
        {
            error = new TelegramApiError(TelegramErrorSource.Protocol, (int)status, $"Not a Bot API answer (HTTP {(int)status}).");
        }

        Log.BotApiRefused(_logger, token.BotId, method, error.Source, error.ErrorCode);
        return TelegramResult<T>.Failure(error);
    }
}
