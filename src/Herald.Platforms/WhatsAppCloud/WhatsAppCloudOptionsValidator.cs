using Herald.Core.Limits;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>Checks <see cref="WhatsAppCloudOptions"/> on start: an absolute base URL, limits only lowered (R35), known tiers.</summary>
internal sealed class WhatsAppCloudOptionsValidator : IValidateOptions<WhatsAppCloudOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppCloudOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"{nameof(options.BaseUrl)} must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiVersion) || options.ApiVersion.Contains('/', StringComparison.Ordinal))
        {
            errors.Add($"{nameof(options.ApiVersion)} must be a version such as v23.0.");
        }

        if (options.MessagesPerSecond is <= 0 or > WhatsAppCloudOptions.MaxMessagesPerSecond)
        {
            errors.Add($"{nameof(options.MessagesPerSecond)} is {options.MessagesPerSecond}; it must be above 0 and at most {WhatsAppCloudOptions.MaxMessagesPerSecond} (limits may only be lowered).");
        }

        if (options.DefaultTier is { } tier && !LimitOverrides.WhatsAppTiers.Contains(tier))
        {
            errors.Add($"{nameof(options.DefaultTier)} is {tier}; it must be one of {string.Join(", ", LimitOverrides.WhatsAppTiers)} or null (unlimited).");
        }

        foreach (var (number, value) in options.Tiers)
        {
            if (value != 0 && !LimitOverrides.WhatsAppTiers.Contains(value))
            {
                errors.Add($"{nameof(options.Tiers)}:{number} is {value}; it must be one of {string.Join(", ", LimitOverrides.WhatsAppTiers)} or 0 (unlimited).");
            }
        }

        for (var i = 0; i < options.Templates.Count; i++)
        {
            var template = options.Templates[i];
            if (WhatsAppTemplateDirective.Parse($"{WhatsAppTemplateDirective.Prefix}{template.Name}:{template.Language}") is null || template.BodyParameters < 0)
            {
                errors.Add($"{nameof(options.Templates)}:{i} must have a Name (lowercase letters, digits, underscores), a Language (en_US) and BodyParameters of 0 or more.");
            }
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(options.RequestTimeout)} must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
