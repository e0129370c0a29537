using System.Text;
using Herald.Host.Validation;
using Herald.Platforms.Abstractions;

namespace Herald.Host.Resources;

/// <summary>One inline-keyboard button under a bot message (R14): a link button (<see cref="Url"/>) or a callback button (<see cref="CallbackData"/>).</summary>
public sealed class InlineButtonRequest
{
    /// <summary>The label, plain text, up to 64 characters.</summary>
    public required string Text { get; init; }

    /// <summary>An absolute <c>https</c>, <c>http</c> or <c>tg</c> link.</summary>
    public string? Url { get; init; }

    /// <summary>1 to 64 bytes (UTF-8) sent back to the bot when the button is pressed.</summary>
    public string? CallbackData { get; init; }
}

/// <summary>Checks and converts inline keyboards (rows of <see cref="InlineButtonRequest"/>).</summary>
public static class InlineKeyboards
{
    /// <summary>The most rows.</summary>
    public const int MaxRows = 10;

    /// <summary>The most buttons per row.</summary>
    public const int MaxButtonsPerRow = 8;

    private const int MaxTextLength = 64;
    private const int MaxCallbackBytes = 64;
    private const int MaxUrlLength = 2048;

    /// <summary>Adds an error per fault of <paramref name="rows"/> (field <paramref name="field"/>).</summary>
    public static void Validate(ValidationErrors errors, string field, IReadOnlyList<IReadOnlyList<InlineButtonRequest>>? rows)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (rows is null)
        {
            return;
        }

        if (rows.Count is 0 or > MaxRows)
        {
            errors.Add(field, $"Must have 1 to {MaxRows} rows.");
            return;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var rowField = ValidationErrors.Item(field, r);
            if (rows[r] is null || rows[r].Any(b => b is null))
            {
                errors.Add(rowField, "Must be an array of buttons, without nulls.");
                continue;
            }

            if (rows[r].Count is 0 or > MaxButtonsPerRow)
            {
                errors.Add(rowField, $"Must have 1 to {MaxButtonsPerRow} buttons.");
                continue;
            }

            for (var b = 0; b < rows[r].Count; b++)
            {
                ValidateButton(errors, ValidationErrors.Item(rowField, b), rows[r][b]);
            }
        }
    }

    /// <summary>The keyboard as the platforms take it.</summary>
    public static IReadOnlyList<IReadOnlyList<InlineButton>>? ToButtons(IReadOnlyList<IReadOnlyList<InlineButtonRequest>>? rows) =>
        rows?.Select(row => (IReadOnlyList<InlineButton>)[.. row.Select(b => new InlineButton(b.Text, b.Url, b.CallbackData))]).ToList();

    private static void ValidateButton(ValidationErrors errors, string field, InlineButtonRequest button)
    {
        var text = ValidationErrors.Join(field, "text");
        errors.NotBlank(text, button.Text).MaxLength(text, button.Text, MaxTextLength).NoMarkup(text, button.Text);
        if ((button.Url is null) == (button.CallbackData is null))
        {
            errors.Add(field, "Give exactly one of url and callbackData.");
        }

        if (button.Url is { } url
            && (url.Length > MaxUrlLength
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "http" or "tg")))
        {
            errors.Add(ValidationErrors.Join(field, "url"), $"Must be an absolute https, http or tg link of up to {MaxUrlLength} characters.");
        }

        if (button.CallbackData is { } data && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > MaxCallbackBytes))
        {
            errors.Add(ValidationErrors.Join(field, "callbackData"), $"Must be 1 to {MaxCallbackBytes} bytes.");
        }
    }
}
