using Herald.Host.Validation;

namespace Herald.Host.Authentication;

/// <summary>The body of <c>POST /api/api-keys</c>.</summary>
public sealed class CreateApiKeyRequest : IValidatableRequest
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A label (e.g. the service's name): shown in the list and in the audit log as <c>api-key:{name}</c>. Not secret.</summary>
    public required string Name { get; init; }

    /// <summary>True for a key that may only read (GET: status, reports, lists). Default false.</summary>
    public bool ReadOnly { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.NotBlank("name", Name).MaxLength("name", Name, MaxNameLength).NoMarkup("name", Name);
    }
}
