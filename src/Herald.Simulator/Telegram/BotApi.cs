using System.Text.Json;

namespace Herald.Simulator.Telegram;

/// <summary>The Telegram Bot API surface: <c>/bot{token}/{method}</c>, GET or POST, answered as Telegram does.</summary>
internal static class BotApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Telegram writes "can't", not "can\u0027t".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] ParseModes = ["HTML", "Markdown", "MarkdownV2"];

    public static IEndpointRouteBuilder MapTelegramBotApi(this IEndpointRouteBuilder app)
    {
        // Not "/bot{token}/…": a complex segment fails to match tokens that contain "bot" themselves.
        app.MapMethods("/{botToken}/{method}", [HttpMethods.Get, HttpMethods.Post], HandleAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, string botToken, string method, SimulatorState state, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        long botId = 0;
        var answer = botToken.StartsWith("bot", StringComparison.Ordinal) ? state.Authorize(botToken[3..], out botId) : BotAnswer.NotFound;
        if (answer is null)
        {
            answer = await state.DisturbAsync(cancellationToken) ?? await DispatchAsync(context.Request, method, botId, state, cancellationToken);
            state.CountAnswer(botId, answer);
            Log.Answered(loggers.CreateLogger(typeof(BotApi)), botId, method, answer.Status);
        }

        return Results.Json(answer.ToBody(), Json, statusCode: answer.Status);
    }

    private static async Task<BotAnswer> DispatchAsync(HttpRequest request, string method, long botId, SimulatorState state, CancellationToken cancellationToken)
    {
        var p = await BotApiParameters.ReadAsync(request, cancellationToken);
        if (p is null)
        {
            return BotAnswer.Error(400, "Bad Request: can't parse JSON object");
        }

        // Telegram's method names are case-insensitive.
        return method.ToUpperInvariant() switch
        {
            "GETME" => state.GetMe(botId),
            "SENDMESSAGE" => SendMessage(p, botId, state),
            "EDITMESSAGETEXT" => EditMessageText(p, botId, state),
            "DELETEMESSAGE" => DeleteMessage(p, botId, state),
            "GETCHATMEMBER" => GetChatMember(p, botId, state),
            "CREATECHATINVITELINK" => CreateChatInviteLink(p, botId, state),
            "APPROVECHATJOINREQUEST" => ApproveChatJoinRequest(p, botId, state),
            _ => BotAnswer.NotFound,
        };
    }

    private static BotAnswer SendMessage(BotApiParameters p, long botId, SimulatorState state) =>
        WithChat(p, out var chat)
        ?? WithText(p, state, out var text, out var parseMode)
        ?? WithMarkup(p, out var markup)
        ?? state.SendMessage(botId, chat, text, parseMode, markup, p.Bool("allow_paid_broadcast") ?? false);

    private static BotAnswer DeleteMessage(BotApiParameters p, long botId, SimulatorState state) =>
        WithChat(p, out var chat) ?? WithMessageId(p, out var messageId) ?? state.DeleteMessage(botId, chat, messageId);

    private static BotAnswer GetChatMember(BotApiParameters p, long botId, SimulatorState state) =>
        WithChat(p, out var chat) ?? WithUserId(p, out var userId) ?? state.GetChatMember(botId, chat, userId);

    private static BotAnswer ApproveChatJoinRequest(BotApiParameters p, long botId, SimulatorState state) =>
        WithChat(p, out var chat) ?? WithUserId(p, out var userId) ?? state.ApproveChatJoinRequest(botId, chat, userId);

    private static BotAnswer EditMessageText(BotApiParameters p, long botId, SimulatorState state)
    {
        if (p.Has("inline_message_id"))
        {
            return BotAnswer.Error(400, "Bad Request: inline messages are not simulated");
        }

        return WithChat(p, out var chat)
            ?? WithMessageId(p, out var messageId)
            ?? WithText(p, state, out var text, out var parseMode)
            ?? WithMarkup(p, out var markup)
            ?? state.EditMessageText(botId, chat, messageId, text, parseMode, markup);
    }

    private static BotAnswer CreateChatInviteLink(BotApiParameters p, long botId, SimulatorState state)
    {
        if (WithChat(p, out var chat) is { } problem)
        {
            return problem;
        }

        var name = p.String("name");
        if (name is { Length: > 32 })
        {
            return BotAnswer.Error(400, "Bad Request: invite link name is too long");
        }

        var expireDate = p.Long("expire_date", out var valid);
        var memberLimit = p.Long("member_limit", out var limitValid);
        var createsJoinRequest = p.Bool("creates_join_request") ?? false;
        if (!valid || !limitValid)
        {
            return BotAnswer.Error(400, "Bad Request: invalid parameter value");
        }

        if (memberLimit is { } limit && (limit < 1 || limit > 99_999))
        {
            return BotAnswer.Error(400, "Bad Request: member_limit must be between 1 and 99999");
        }

        if (memberLimit is not null && createsJoinRequest)
        {
            return BotAnswer.Error(400, "Bad Request: can't combine member_limit with creates_join_request");
        }

        return state.CreateChatInviteLink(botId, chat, name, expireDate, (int?)memberLimit, createsJoinRequest);
    }

    private static BotAnswer? WithChat(BotApiParameters p, out ChatRef chat)
    {
        chat = default;
        if (!p.Has("chat_id"))
        {
            return BotAnswer.Error(400, "Bad Request: chat_id is empty");
        }

        var id = p.Long("chat_id", out var valid);
        if (valid && id is not null)
        {
            chat = new ChatRef(id, null);
            return null;
        }

        if (p.String("chat_id") is { Length: > 1 } username && username[0] == '@')
        {
            chat = new ChatRef(null, username);
            return null;
        }

        return BotAnswer.ChatNotFound;
    }

    private static BotAnswer? WithMessageId(BotApiParameters p, out long messageId)
    {
        messageId = p.Long("message_id", out var valid) ?? 0;
        return !valid || messageId <= 0 ? BotAnswer.Error(400, "Bad Request: message identifier is not specified") : null;
    }

    private static BotAnswer? WithUserId(BotApiParameters p, out long userId)
    {
        userId = p.Long("user_id", out var valid) ?? 0;
        return !valid || userId <= 0 ? BotAnswer.Error(400, "Bad Request: invalid user_id specified") : null;
    }

    private static BotAnswer? WithText(BotApiParameters p, SimulatorState state, out string text, out string? parseMode)
    {
        text = p.String("text") ?? "";
        var sentMode = p.String("parse_mode") is { Length: > 0 } mode ? mode : null;

        // Telegram reads parse_mode in any case (Telegram.Bot sends "Html"); record Telegram's own spelling.
        parseMode = ParseModes.FirstOrDefault(m => m.Equals(sentMode, StringComparison.OrdinalIgnoreCase)) ?? sentMode;
        if (string.IsNullOrWhiteSpace(text))
        {
            return BotAnswer.Error(400, "Bad Request: message text is empty");
        }

        if (text.Length > state.MaxMessageLength)
        {
            return BotAnswer.Error(400, "Bad Request: message is too long");
        }

        if (parseMode is not null && !ParseModes.Contains(parseMode, StringComparer.Ordinal))
        {
            return BotAnswer.Error(400, $"Bad Request: unsupported parse_mode");
        }

        return null;
    }

    private static BotAnswer? WithMarkup(BotApiParameters p, out JsonElement? markup)
    {
        markup = p.Json("reply_markup", out var valid);
        if (!valid || (markup is { } m && !InlineKeyboard.IsValid(m)))
        {
            markup = null;
            return BotAnswer.Error(400, "Bad Request: can't parse reply keyboard markup JSON object");
        }

        return null;
    }
}
