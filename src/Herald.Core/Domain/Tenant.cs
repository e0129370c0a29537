namespace Herald.Core.Domain;

/// <summary>A customer of Herald: the user id from the token scopes every row (R28).</summary>
/// <param name="Id">The tenant id (the token's user id).</param>
/// <param name="DefaultCountryCode">Digits of the country code assumed for national phone numbers (R7), or null.</param>
public sealed record Tenant(string Id, string? DefaultCountryCode = null);
