using Herald.Core.Phones;

namespace Herald.Core.Imports;

/// <summary>One identifier read from a cell: a username, a user id, a phone or an e-mail address, or the reason it is none.</summary>
internal readonly record struct IdentifierValue(string? Username, long? UserId, string? Phone, string? Invalid, bool Ambiguous = false, string? Email = null)
{
    public static IdentifierValue Fail(string reason) => new(null, null, null, reason);
}

/// <summary>Reads identifier cells by column role, or by the value's shape for <see cref="RecipientColumnRole.Identifier"/> columns.</summary>
internal sealed class IdentifierReader(PhoneNormalizer phones, DigitsPreference digitsAs)
{
    public IdentifierValue Read(RecipientColumnRole role, string value) => role switch
    {
        RecipientColumnRole.Username => Username(value),
        RecipientColumnRole.UserId => RecipientValues.UserId(value) is { } id ? new(null, id, null, null) : IdentifierValue.Fail(ImportReasons.InvalidUserId),
        RecipientColumnRole.Phone => Phone(value),
        RecipientColumnRole.Email => Email(value),
        _ => Detect(value),
    };

    private static IdentifierValue Username(string value) =>
        RecipientValues.Username(value) is { } name ? new(name, null, null, null) : IdentifierValue.Fail(ImportReasons.InvalidUsername);

    private static IdentifierValue Email(string value) =>
        RecipientValues.Email(value) is { } address ? new(null, null, null, null, Email: address) : IdentifierValue.Fail(ImportReasons.InvalidEmail);

    private IdentifierValue Phone(string value) =>
        phones.Normalize(value).E164 is { } e164 ? new(null, null, e164, null) : IdentifierValue.Fail(ImportReasons.InvalidPhone);

    private IdentifierValue Detect(string value)
    {
        if (value.StartsWith('@') || RecipientValues.TryLinkTarget(value, out _))
        {
            return Username(value);
        }

        if (value.StartsWith('+'))
        {
            return Phone(value);
        }

        if (RecipientValues.Email(value) is not null)
        {
            return Email(value);
        }

        if (RecipientValues.IsPhoneLike(value, out var digitsOnly, out _))
        {
            if (!digitsOnly || value[0] == '0')
            {
                return Phone(value);
            }

            var phone = phones.Normalize(value).E164;
            var id = RecipientValues.UserId(value);
            var ambiguous = phone is not null && id is not null;
            return (digitsAs, phone, id) switch
            {
                (DigitsPreference.Phone, { } p, _) => new(null, null, p, null, ambiguous),
                (DigitsPreference.UserId, _, { } i) => new(null, i, null, null, ambiguous),
                (_, { } p, _) => new(null, null, p, null),
                (_, _, { } i) => new(null, i, null, null),
                _ => IdentifierValue.Fail(ImportReasons.InvalidPhone),
            };
        }

        if (RecipientValues.IsUsernameShape(value))
        {
            return new(value, null, null, null);
        }

        // Mostly digits reads as a broken phone ("8 916 123-45-67 доб. 1x"), anything else as a broken username.
        return value.Count(char.IsAsciiDigit) > value.Count(char.IsLetter)
            ? Phone(value) is { Invalid: null } ok ? ok : IdentifierValue.Fail(ImportReasons.InvalidPhone)
            : IdentifierValue.Fail(ImportReasons.InvalidUsername);
    }
}
