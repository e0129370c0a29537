namespace Herald.Core.Templates;

/// <summary>A template rendered for one recipient: the text, or why it could not be rendered.</summary>
/// <param name="Text">The message text on success.</param>
/// <param name="Error">Why it failed (a missing field value, too long); never contains the recipient's data.</param>
public readonly record struct TemplateRenderResult(string? Text, string? Error)
{
    /// <summary>True when <see cref="Text"/> is set.</summary>
    public bool Success => Error is null;
}
