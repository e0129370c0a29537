using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Host.Validation;

/// <summary>The API's JSON rules: camelCase names, enums as camelCase strings, and strict reading.</summary>
public static class HeraldJson
{
    /// <summary>
    /// For request bodies: names are case-sensitive; unknown, duplicate or null-for-non-nullable fields, missing
    /// <c>required</c> members, numbers in strings and integer enum values are all errors. Read-only.
    /// </summary>
    public static JsonSerializerOptions Strict { get; } = CreateStrict();

    /// <summary>Applies the shared naming and enum rules (also used for responses).</summary>
    public static void ApplyWebConventions(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 32,
        };
        ApplyWebConventions(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
