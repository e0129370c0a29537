namespace Herald.Core.Imports;

/// <summary>What a column of a recipient list holds.</summary>
public enum RecipientColumnRole
{
    /// <summary>A Telegram-style username (<c>@name</c>, <c>name</c> or a <c>t.me/name</c> link).</summary>
    Username = 0,

    /// <summary>The platform's numeric user id.</summary>
    UserId,

    /// <summary>A phone number, normalised to E.164.</summary>
    Phone,

    /// <summary>A display name for personalisation.</summary>
    Name,

    /// <summary>
    /// Any identifier: each value is read by its shape as a username (<c>@</c>, link or username shape), a phone
    /// (<c>+</c>, separators, or digits the phone normaliser accepts) or a user id (see <see cref="DigitsPreference"/>).
    /// </summary>
    Identifier,

    /// <summary>A custom field for templates (<c>promo_code</c>…), carried into <c>Recipient.Fields</c>.</summary>
    Field,

    /// <summary>
    /// An e-mail address (syntax checked), carried as the field <c>email</c> (what the e-mail platform sends to); a
    /// recipient with only an address is keyed by it (<c>e:{address}</c>, see <c>Recipient.Key</c>).
    /// </summary>
    Email,
}
