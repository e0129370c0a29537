namespace Herald.Core.Templates;

/// <summary>A field the message uses without a default that some recipients have no value for.</summary>
/// <param name="Field">The field name as the template writes it.</param>
/// <param name="Missing">How many recipients lack it in their variant: each would fail as <c>template_error</c>.</param>
public sealed record TemplateGap(string Field, int Missing);
