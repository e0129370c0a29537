using System.Text.Json;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>Reads the tenant's suppression list (the first page) through the API.</summary>
public static class SuppressionCalls
{
    public static async Task<List<JsonElement>> ListSuppressionsAsync(this HttpClient client) =>
        [.. (await (await client.GetAsync("/api/suppressions")).ReadJsonAsync()).GetProperty("items").EnumerateArray()];
}
