using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Herald.Cli.Commands;

/// <summary>JSON values as table cells: always plain text (never Spectre markup, so names cannot style the terminal).</summary>
public static class Cells
{
    public static IRenderable Text(JsonElement item, string property) =>
        new Text(item.TryGetProperty(property, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value.ToString() : "–");
}
