using Herald.Host.Validation;

namespace Herald.Host.Campaigns;

/// <summary>A campaign's recipients from parsing-service (R8): <c>"audience":{"parsedDataId":"…"}</c>.</summary>
public sealed class AudienceRequest
{
    /// <summary>The longest dataset id accepted.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The dataset's id at parsing-service (<c>GET /parsed_data/{id}</c>).</summary>
    public required string ParsedDataId { get; init; }

    /// <summary>Adds this audience's problems under <paramref name="field"/>.</summary>
    public void Validate(ValidationErrors errors, string field)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = field + ".parsedDataId";
        errors.NotBlank(name, ParsedDataId).MaxLength(name, ParsedDataId, MaxIdLength);
        if (ParsedDataId is { Length: > 0 } id && id.AsSpan().ContainsAnyExcept(Allowed))
        {
            errors.Add(name, "Letters, digits and . _ : - only.");
        }
    }

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-");
}
