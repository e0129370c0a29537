using System.Text.Json;

namespace Herald.EndToEnd.Tests.Infrastructure;

public static class JsonElementExtensions
{
    public static long Long(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetInt64() : 0;
}
