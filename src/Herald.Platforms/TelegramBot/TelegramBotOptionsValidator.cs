using Microsoft.Extensions.Options;

namespace Herald.Platforms.TelegramBot;

/// <summary>Refuses options that make no sense or raise a limit above Telegram's (R35).</summary>
internal sealed class TelegramBotOptionsValidator : IValidateOptions<TelegramBotOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramBotOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add($"{nameof(options.BaseUrl)} must be an absolute http(s) URL.");
        }
        else if (baseUrl.AbsolutePath != "/" || baseUrl.Query.Length > 0)
        {
            // Telegram.Bot keeps only the scheme, host and port of its base URL: a path would be dropped silently.
            failures.Add($"{nameof(options.BaseUrl)} must have no path (Telegram.Bot uses only its scheme, host and port).");
        }

        Limit(failures, nameof(options.MessagesPerSecond), options.MessagesPerSecond, TelegramBotOptions.TelegramMessagesPerSecond);
        Limit(failures, nameof(options.ChatMessagesPerSecond), options.ChatMessagesPerSecond, TelegramBotOptions.TelegramChatMessagesPerSecond);
        Limit(failures, nameof(options.GroupMessagesPerMinute), options.GroupMessagesPerMinute, TelegramBotOptions.TelegramGroupMessagesPerMinute);
        Positive(failures, nameof(options.RequestTimeout), options.RequestTimeout);
        Positive(failures, nameof(options.FloodWindow), options.FloodWindow);
        Positive(failures, nameof(options.DefaultRetryAfter), options.DefaultRetryAfter);
        NotNegative(failures, nameof(options.TokenCacheDuration), options.TokenCacheDuration);
        NotNegative(failures, nameof(options.ChatRetryAfterWaitLimit), options.ChatRetryAfterWaitLimit);
        if (options.FloodChatThreshold < 1)
        {
            failures.Add($"{nameof(options.FloodChatThreshold)} must be at least 1.");
        }

        if (options.InviteLinkLifetime is { } lifetime && lifetime <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.InviteLinkLifetime)} must be positive when set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Limit(List<string> failures, string name, double value, double telegram)
    {
        if (!(value > 0 && value <= telegram))
        {
            failures.Add($"{name} must be above 0 and at most Telegram's {telegram} (limits may only be lowered).");
        }
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive.");
        }
    }

    private static void NotNegative(List<string> failures, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{name} must not be negative.");
        }
    }
}
