using Herald.Host.Validation;

namespace Herald.Host.Campaigns;

/// <summary>
/// The body of <c>PATCH /api/campaigns/{id}</c>: what to change in a scheduled campaign before it starts. A field left
/// out (or null) stays as it is. Each value is checked as at creation.
/// </summary>
public sealed class UpdateCampaignRequest : IValidatableRequest
{
    /// <summary>A new name.</summary>
    public string? Name { get; init; }

    /// <summary>A new message template (fields and <c>{a|b}</c> variants), checked against the list's fields and the platform's length limit.</summary>
    public string? Message { get; init; }

    /// <summary>A new daily sending window.</summary>
    public TimeWindowRequest? TimeWindow { get; init; }

    /// <summary>A new start time, at most 366 days ahead; a past time starts it at once.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>A new priority, −100 to 100.</summary>
    public int? Priority { get; init; }

    /// <summary>The names of the fields given, for the audit log.</summary>
    public IReadOnlyList<string> Changed =>
    [
        .. new (string Field, bool Given)[] { ("name", Name is not null), ("message", Message is not null), ("timeWindow", TimeWindow is not null), ("startAt", StartAt is not null), ("priority", Priority is not null) }
            .Where(f => f.Given).Select(f => f.Field),
    ];

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Changed.Count == 0)
        {
            errors.Add("", "Give at least one of name, message, timeWindow, startAt, priority.");
        }

        errors.MaxLength("name", Name, CreateCampaignRequest.MaxNameLength).NoMarkup("name", Name);
        if (Name is not null)
        {
            errors.NotBlank("name", Name);
        }

        errors.NoMarkup("message", Message);
        if (Message is not null)
        {
            errors.NotBlank("message", Message);
        }

        if (Priority is < -100 or > 100)
        {
            errors.Add("priority", "Must be from -100 to 100.");
        }

        TimeWindow?.Validate(errors, "timeWindow");
    }
}
