using System.Text.Json;

namespace Herald.Functions.Tests.Infrastructure;

/// <summary>One binding of a function as <c>functions.metadata</c> declares it (what the Functions host indexes).</summary>
public sealed record FunctionBinding(string Name, string Type, string Direction, JsonElement Json)
{
    public string? Text(string property) =>
        Json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IReadOnlyList<string>? Methods =>
        Json.TryGetProperty("methods", out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal)]
            : null;
}

/// <summary>One function of <c>functions.metadata</c>.</summary>
public sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    public FunctionBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public static IReadOnlyList<FunctionEntry> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(f => new FunctionEntry(
            f.GetProperty("name").GetString()!,
            f.GetProperty("entryPoint").GetString()!,
            [.. f.GetProperty("bindings").EnumerateArray().Select(b => new FunctionBinding(
                b.GetProperty("name").GetString()!, b.GetProperty("type").GetString()!, b.GetProperty("direction").GetString()!, b.Clone()))]))];
    }
}
