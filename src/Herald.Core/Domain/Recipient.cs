namespace Herald.Core.Domain;

/// <summary>
/// One recipient as imported: at least one of <see cref="Username"/>, <see cref="UserId"/> or
/// <see cref="Phone"/> identifies them; <see cref="Fields"/> carries per-recipient template values
/// (name, promo code, …).
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
    /// <summary>A stable identity of the recipient for dedupe and suppression (never logged raw).</summary>
    public string Key => UserId is { } id ? $"id:{id}"
        : Username is { Length: > 0 } u ? $"u:{u.ToLowerInvariant()}"
        : Phone is { Length: > 0 } p ? $"p:{p}"
        : throw new InvalidOperationException("A recipient needs a user id, a username or a phone.");
}
