namespace Herald.Core.Domain;

/// <summary>
/// One recipient as imported: at least one of <see cref="Username"/>, <see cref="UserId"/>,
/// <see cref="Phone"/> or an e-mail address (the field <see cref="EmailField"/>) identifies them; <see cref="Fields"/>
/// carries per-recipient template values (name, promo code, …).
/// </summary>
/// <param name="Username">The username without a leading <c>@</c>.</param>
/// <param name="UserId">The platform's numeric user (or chat) id.</param>
/// <param name="Phone">The phone number in E.164 form (<c>+491701234567</c>).</param>
/// <param name="Name">A display name for personalisation.</param>
/// <param name="Fields">Custom columns for templates, keyed case-insensitively.</param>
public sealed record Recipient(
    string? Username = null,
    long? UserId = null,
    string? Phone = null,
    string? Name = null,
    IReadOnlyDictionary<string, string>? Fields = null)
{
    /// <summary>The field that holds the recipient's e-mail address.</summary>
    public const string EmailField = "email";

    /// <summary>
    /// A stable identity of the recipient for dedupe and suppression (never logged raw): the user id, else the
    /// username, else the phone, else the e-mail address (<see cref="EmailKey"/>).
    /// </summary>
    public string Key => UserId is { } id ? $"id:{id}"
        : Username is { Length: > 0 } u ? $"u:{u.ToLowerInvariant()}"
        : Phone is { Length: > 0 } p ? $"p:{p}"
        : Email is { Length: > 0 } e ? EmailKey(e)
        : throw new InvalidOperationException("A recipient needs a user id, a username, a phone or an e-mail address.");

    /// <summary>The e-mail address (the field <see cref="EmailField"/>), if any.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Email => Fields?.FirstOrDefault(f => string.Equals(f.Key, EmailField, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    /// <summary>The key of an e-mail address: <c>e:</c> and the address in lower case (addresses are compared ignoring case).</summary>
    public static string EmailKey(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return "e:" + address.Trim().ToLowerInvariant();
    }
}
