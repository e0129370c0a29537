using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Herald.Platforms.TelegramUser.Td;

/// <summary>TDLib's synchronous calls (<c>td_execute</c>) and helpers for TDLib's JSON.</summary>
public static class TdJson
{
    /// <summary>
    /// Runs a method TDLib marks synchronous (<c>getTextEntities</c>, <c>setLogVerbosityLevel</c>, <c>parseTextEntities</c>…)
    /// and returns its answer (an <c>error</c> object for other methods). Loads the library first (<see cref="TdJsonLibrary.Load"/>).
    /// </summary>
    public static JsonObject Execute(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        TdJsonLibrary.Load();
        var answer = TdJsonNative.Execute(request.ToJsonString());
        return answer == 0
            ? Error(400, "td_execute returned nothing")
            : JsonNode.Parse(Marshal.PtrToStringUTF8(answer)!)!.AsObject();
    }

    /// <summary>The object's <c>@type</c>, or an empty string.</summary>
    public static string TypeOf(JsonNode? node) => node?["@type"]?.GetValue<string>() ?? "";

    /// <summary>An int53/int64 field as TDLib writes it (a number, or a string for int64), or null.</summary>
    public static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    /// <summary>An int64 as TDLib expects it: a JSON string.</summary>
    public static JsonNode Int64(long value) => JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A TDLib <c>error</c> object.</summary>
    public static JsonObject Error(int code, string message) => new() { ["@type"] = "error", ["code"] = code, ["message"] = message };
}
