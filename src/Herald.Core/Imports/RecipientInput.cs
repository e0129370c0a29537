namespace Herald.Core.Imports;

/// <summary>One recipient of an inline API list, before validation by <see cref="RecipientListValidator"/>.</summary>
/// <param name="Username">A username, with or without <c>@</c>, or a <c>t.me</c> link.</param>
/// <param name="UserId">The platform's numeric user id.</param>
/// <param name="Phone">A phone number in any common notation.</param>
/// <param name="Name">A display name.</param>
/// <param name="Fields">Custom template fields (<c>promo_code</c>…); a field <c>email</c> is read as <paramref name="Email"/> when that is not given.</param>
/// <param name="Email">An e-mail address (<c>local@domain.tld</c>), kept as the field <c>email</c>.</param>
public sealed record RecipientInput(
    string? Username = null,
    long? UserId = null,
    string? Phone = null,
    string? Name = null,
    IReadOnlyDictionary<string, string>? Fields = null,
    string? Email = null);
