using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Engine.Model;

/// <summary>The JSON settings for values the engine keeps inside table properties.</summary>
internal static class EngineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
