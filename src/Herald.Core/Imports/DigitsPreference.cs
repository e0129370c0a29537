namespace Herald.Core.Imports;

/// <summary>
/// How a digits-only value in an <see cref="RecipientColumnRole.Identifier"/> column is read, since
/// <c>9161234567</c> may be a national phone number or a user id. Values starting with <c>0</c> are always phones.
/// </summary>
public enum DigitsPreference
{
    /// <summary>A phone when the phone normaliser accepts it (with the default country code), else a user id.</summary>
    Phone = 0,

    /// <summary>A user id when it fits a positive 64-bit integer, else a phone.</summary>
    UserId,
}
