using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace Herald.Platforms.TelegramBot;

/// <summary>
/// Runs Bot API requests for any number of bots through Telegram.Bot's <see cref="TelegramBotClient"/>, at
/// <see cref="TelegramBotOptions.BaseUrl"/> (the real API, a local Bot API server or the simulator). Telegram's refusals,
/// network failures and timeouts come back as a <see cref="TelegramApiError"/> value, never as an exception (only the
/// caller's own cancellation throws). Telegram.Bot's own 429 retry is off: every 429 and its <c>retry_after</c> reach
/// the caller, whose limiter decides. The token travels in the request path only; it is in no log line and no error.
/// </summary>
public sealed class TelegramBotApi
{
    /// <summary>The name of the <see cref="HttpClient"/> the calls go through (its factory logging is removed: it logs request URIs).</summary>
    public const string HttpClientName = "Herald.TelegramBot";

    private readonly IHttpClientFactory _http;
    private readonly string _baseUrl;
    private readonly ILogger _logger;

    internal TelegramBotApi(IHttpClientFactory http, TelegramBotOptions options, ILogger<TelegramBotApi> logger)
    {
        _http = http;
        _baseUrl = options.BaseUrl;
        _logger = logger;
    }

    /// <summary><c>getMe</c>: the bot itself (also a cheap check that the token works).</summary>
    public Task<TelegramResult<User>> GetMeAsync(TelegramBotToken token, CancellationToken cancellationToken = default) =>
        SendAsync(token, new GetMeRequest(), cancellationToken);

    /// <summary>Sends one request (one of Telegram.Bot's <c>Telegram.Bot.Requests</c>) for the bot of <paramref name="token"/>.</summary>
    /// <typeparam name="T">The type of Telegram's <c>result</c>.</typeparam>
    /// <param name="token">The bot.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call (and throws).</param>
    public async Task<TelegramResult<T>> SendAsync<T>(TelegramBotToken token, IRequest<T> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return TelegramResult<T>.Success(await Client(token).SendRequest(request, cancellationToken));
        }
        catch (RequestException e)
        {
            // Never let Telegram.Bot's exception out: its message quotes inner exceptions.
            cancellationToken.ThrowIfCancellationRequested();
            var error = TelegramFailures.From(e, token);
            if (error.Source == TelegramErrorSource.Api || error.Source == TelegramErrorSource.Protocol)
            {
                Log.BotApiRefused(_logger, token.BotId, request.MethodName, error.Source, error.ErrorCode);
            }
            else
            {
                Log.BotApiNoAnswer(_logger, token.BotId, request.MethodName, error.Source, TelegramFailures.HttpError(e));
            }

            return TelegramResult<T>.Failure(error);
        }
    }

    // A client per call is cheap (it holds the options and the pooled HttpClient). RetryThreshold 0 switches off
    // Telegram.Bot's wait-and-retry on 429 (it retries only while retry_after <= RetryThreshold and attempts < RetryCount).
    private TelegramBotClient Client(TelegramBotToken token) =>
        new(new TelegramBotClientOptions(token.Value, _baseUrl) { RetryThreshold = 0, RetryCount = 0 }, _http.CreateClient(HttpClientName));
}
