using System.Text.Json.Serialization;

namespace Herald.Host.Integrations;

/// <summary>
/// The body of <c>POST /accounts/check</c> to integration-service when Herald finds an account banned (R19):
/// <c>{"user_id","account_id","herald_account_id","platform","status":"banned","reason","detected_at"}</c>.
/// <c>account_id</c> is integration-service's id for accounts imported from it, else null.
/// </summary>
public sealed record BanReport(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("account_id")] string? AccountId,
    [property: JsonPropertyName("herald_account_id")] string HeraldAccountId,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("detected_at")] DateTimeOffset? DetectedAt);
