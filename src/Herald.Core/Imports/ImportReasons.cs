namespace Herald.Core.Imports;

/// <summary>Reason codes of an <see cref="ImportIssue"/> (stable, for reports and the API).</summary>
public static class ImportReasons
{
    /// <summary>An identifier of the row (user id, username, phone or e-mail address) was already taken by an earlier row.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The row has no username, user id, phone or e-mail address at all.</summary>
    public const string NoIdentifier = "no_identifier";

    /// <summary>
    /// The phone is not a valid number for its region (libphonenumber's rules), or has no country code while no default
    /// region is set (<c>Herald:Phones:DefaultRegion</c>, or the upload's <c>region</c>).
    /// </summary>
    public const string InvalidPhone = "invalid_phone";

    /// <summary>The username is not 5 to 32 letters, digits or underscores starting with a letter (or a link to one).</summary>
    public const string InvalidUsername = "invalid_username";

    /// <summary>The e-mail address is not <c>local@domain.tld</c> (no display name, no spaces, a dotted domain).</summary>
    public const string InvalidEmail = "invalid_email";

    /// <summary>The user id is not a positive 64-bit integer.</summary>
    public const string InvalidUserId = "invalid_user_id";

    /// <summary>A value is longer than <see cref="ImportOptions.MaxFieldLength"/>.</summary>
    public const string TooLong = "too_long";

    /// <summary>The recipient has no phone with one of <see cref="ImportOptions.PhonePrefixes"/> (segmentation, R9).</summary>
    public const string Segment = "segment";

    /// <summary>The row is blank: no cell holds anything but spaces (a CSV line of separators, an empty sheet row, a JSON <c>null</c>).</summary>
    public const string BlankRow = "blank_row";

    /// <summary>The item is not a row of the list (a JSON item of another kind than the first one).</summary>
    public const string InvalidRow = "invalid_row";

    /// <summary>
    /// The recipient has no user id, and the campaign runs on Telegram bots: the Bot API sends to user ids only, never
    /// to a username or phone (and only to users who started the bot), so every send would fail as <c>no_chat_id</c>.
    /// </summary>
    public const string UnreachableByBot = "unreachable_by_bot";
}
