namespace Herald.Core.Imports;

/// <summary>Why a recipient list could not be imported at all (a value, not an exception).</summary>
/// <param name="Code">A code from <see cref="ImportErrorCodes"/>.</param>
/// <param name="Message">A sentence for the operator; it never quotes values of the list.</param>
/// <param name="Limit">The <see cref="ImportOptions"/> property whose limit was hit (e.g. <c>MaxZipEntryBytes</c>), or null.</param>
public sealed record ImportError(string Code, string Message, string? Limit = null);
