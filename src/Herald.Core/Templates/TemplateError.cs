namespace Herald.Core.Templates;

/// <summary>A problem in a message template, with the character position it was found at.</summary>
/// <param name="Position">Zero-based index into the template text (the text length for problems at the end).</param>
/// <param name="Message">A sentence for the operator.</param>
public sealed record TemplateError(int Position, string Message);
