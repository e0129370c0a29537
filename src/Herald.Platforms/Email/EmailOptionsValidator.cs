using Microsoft.Extensions.Options;

namespace Herald.Platforms.Email;

/// <summary>Checks <see cref="EmailOptions"/> on start: providers with a host, caps within Herald's e-mail ceiling (R35), sane ramps.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    /// <summary>Herald's documented e-mail ceiling per account and 24 hours (the configured limits may only lower it).</summary>
    public const int MaxDailyCap = 300;

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        foreach (var (provider, p) in options.Providers)
        {
            var path = $"Providers:{provider}";
            if (string.IsNullOrWhiteSpace(p.Host))
            {
                errors.Add($"{path}:Host is required.");
            }

            if (p.Port is < 1 or > 65535)
            {
                errors.Add($"{path}:Port must be 1–65535.");
            }

            if (p.DailyCap is < 0 or > MaxDailyCap)
            {
                errors.Add($"{path}:DailyCap is {p.DailyCap}; it must be 0–{MaxDailyCap} (limits may only be lowered).");
            }

            if (p.WarmupShareByDay.Any(s => s.Key < 0 || s.Value is <= 0 or > 1))
            {
                errors.Add($"{path}:WarmupShareByDay needs days from 0 and shares in (0, 1].");
            }
        }

        if (options.UnsubscribeUrl is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add("UnsubscribeUrl must be an absolute URL.");
        }

        if (options.UnsubscribeUrl is not null && options.UnsubscribeSecret is not { Length: >= 16 })
        {
            errors.Add("UnsubscribeSecret of at least 16 characters is required with UnsubscribeUrl.");
        }

        if (options.Validation.RcptProbe && string.IsNullOrWhiteSpace(options.Validation.ProbeFrom))
        {
            errors.Add("Validation:ProbeFrom is required when Validation:RcptProbe is on.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
