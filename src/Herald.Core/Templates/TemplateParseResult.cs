namespace Herald.Core.Templates;

/// <summary>The result of <see cref="MessageTemplate.Parse"/>: a template, or the problems found.</summary>
/// <param name="Template">The template when there were no errors.</param>
/// <param name="Errors">Every problem found; empty on success.</param>
public sealed record TemplateParseResult(MessageTemplate? Template, IReadOnlyList<TemplateError> Errors)
{
    /// <summary>True when the text is a valid template.</summary>
    public bool Success => Template is not null;
}
