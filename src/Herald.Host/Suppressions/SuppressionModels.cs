using Herald.Core.Imports;
using Herald.Engine.Suppression;
using Herald.Host.Validation;

namespace Herald.Host.Suppressions;

/// <summary>The body of <c>POST /api/suppressions</c>: recipients never to contact again (R34).</summary>
public sealed class AddSuppressionsRequest : IValidatableRequest
{
    /// <summary>The recipients, by username, user id or phone (normalised like any list; duplicates and bad rows dropped).</summary>
    public required IReadOnlyList<SuppressedRecipientRequest> Recipients { get; init; }

    /// <summary>Why (e.g. <c>asked_to_stop</c>). Default: <c>operator</c>.</summary>
    public string? Reason { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Recipients.Count == 0)
        {
            errors.Add("recipients", "List at least one recipient.");
        }

        errors.NoNullItems("recipients", Recipients);
        SuppressionReasons.Validate(errors, "reason", Reason);
    }
}

/// <summary>A recipient to suppress: at least one identifier.</summary>
public sealed class SuppressedRecipientRequest
{
    /// <summary>A username, with or without <c>@</c>.</summary>
    public string? Username { get; init; }

    /// <summary>The platform's numeric user id.</summary>
    public long? UserId { get; init; }

    /// <summary>A phone number in any common notation.</summary>
    public string? Phone { get; init; }

    /// <summary>The importer's input shape.</summary>
    public RecipientInput ToInput() => new(Username, UserId, Phone);
}

/// <summary>One recipient on the list, as an operator can recognise it without the list holding the value.</summary>
/// <param name="Hash">The id to remove it by (SHA-256 of the recipient's key).</param>
/// <param name="Hint">The last characters of the identifier.</param>
public sealed record SuppressedRecipient(string Hash, string Hint);

/// <summary>The answer to <c>POST /api/suppressions</c>.</summary>
/// <param name="Added">Each recipient now on the list (adding one already there changes nothing).</param>
/// <param name="Dropped">Items that were not recipients (row number, reason), as in imports.</param>
public sealed record AddSuppressionsResponse(IReadOnlyList<SuppressedRecipient> Added, IReadOnlyList<ImportIssue> Dropped);

/// <summary>The answer to <c>POST /api/imports/{id}/suppress</c>.</summary>
public sealed record SuppressImportResponse(string ImportId, int Added, string Reason);

/// <summary>A page of the suppression list, by hash.</summary>
public sealed record SuppressionPage(IReadOnlyList<SuppressionEntry> Items, string? Continuation);

/// <summary>The rule for suppression reasons: 1 to 64 letters, digits, <c>_ - . </c> and spaces.</summary>
public static class SuppressionReasons
{
    /// <summary>The reason when none is given.</summary>
    public const string Default = "operator";

    /// <summary>Adds an error when <paramref name="reason"/> breaks the rule.</summary>
    public static void Validate(ValidationErrors errors, string field, string? reason)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (reason is not null
            && (reason.Length is 0 or > 64 || reason.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' ')) || string.IsNullOrWhiteSpace(reason)))
        {
            errors.Add(field, "Must be 1 to 64 letters, digits, spaces, '_', '-' or '.'.");
        }
    }

    /// <summary>True when <paramref name="hash"/> has the shape of a suppression hash (64 lowercase hex digits).</summary>
    public static bool IsHash(string? hash) =>
        hash is { Length: 64 } && !hash.AsSpan().ContainsAnyExcept("0123456789abcdef");
}
