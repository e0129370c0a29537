namespace Herald.Host.Validation;

/// <summary>Reusable checks for text fields, for use inside <see cref="IValidatableRequest.Validate"/>.</summary>
public static class TextRules
{
    /// <summary>Adds an error when <paramref name="value"/> contains HTML or script (R30).</summary>
    public static ValidationErrors NoMarkup(this ValidationErrors errors, string field, string? value)
    {
        if (MarkupDetector.Find(value) is { } kind)
        {
            errors.Add(field, $"Must be plain text: found {MarkupDetector.Describe(kind)}. HTML and scripts are not allowed.");
        }

        return errors;
    }

    /// <summary>Adds an error when <paramref name="value"/> is empty or whitespace.</summary>
    public static ValidationErrors NotBlank(this ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Must not be empty.");
        }

        return errors;
    }

    /// <summary>Adds an error when <paramref name="value"/> is longer than <paramref name="maxLength"/> UTF-16 code units (Telegram's own count).</summary>
    public static ValidationErrors MaxLength(this ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(field, $"Must be at most {maxLength} characters (has {value.Length}).");
        }

        return errors;
    }
}
