using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Herald.Simulator.Integrations;

/// <summary>
/// The simulated integration-service under <c>/integration</c> and parsing-service under <c>/parsing</c> (Herald's base
/// URLs point there): <c>GET /integration/accounts?user_id=&amp;platform=</c>, <c>POST /integration/accounts/check</c>,
/// <c>GET /parsing/parsed_data/{id}?user_id=</c> (JSON or CSV as stored). Every call needs the scenario's key (401
/// without it) and a <c>user_id</c> (400 without it); another user's dataset answers 404. Scenario, failures and the
/// reports received under <c>/_sim/integrations</c>.
/// </summary>
internal static class IntegrationsApi
{
    public static IEndpointRouteBuilder MapSimulatedIntegrations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/integration/accounts", ListAccounts);
        app.MapPost("/integration/accounts/check", CheckAccount);
        app.MapGet("/parsing/parsed_data/{id}", ParsedData);

        var sim = app.MapGroup("/_sim/integrations");
        sim.MapPost("/scenario", (IntegrationsState state, IntegrationsScenario scenario) =>
        {
            state.Load(scenario);
            return Results.NoContent();
        });
        sim.MapPost("/failures", (IntegrationsState state, string service, int count, int? status) =>
        {
            state.FailNext(service, count, status ?? 503);
            return Results.NoContent();
        });
        sim.MapGet("/ban-reports", (IntegrationsState state) => Results.Ok(state.BanReports));
        return app;
    }

    private static IResult ListAccounts(HttpContext http, IntegrationsState state, string? user_id, string? platform)
    {
        if (Refuse(http, state, IntegrationsState.IntegrationService) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(user_id))
        {
            return Results.Problem("user_id is required.", statusCode: 400);
        }

        var items = state.Scenario.Accounts
            .Where(a => a.UserId == user_id && (platform is null || string.Equals(a.Platform, platform, StringComparison.OrdinalIgnoreCase)))
            .Select(a => new JsonObject
            {
                ["id"] = a.Id,
                ["platform"] = a.Platform,
                ["type"] = a.Type,
                ["name"] = a.Name,
                ["status"] = a.Status,
                ["proxy"] = a.Proxy,
                ["credentials"] = new JsonObject { ["secret_ref"] = a.SecretRef },
            });
        return Results.Ok(new JsonObject { ["accounts"] = new JsonArray([.. items]) });
    }

    private static async Task<IResult> CheckAccount(HttpContext http, IntegrationsState state)
    {
        if (Refuse(http, state, IntegrationsState.IntegrationService) is { } refused)
        {
            return refused;
        }

        var body = await http.Request.ReadFromJsonAsync<JsonObject>(http.RequestAborted);
        var userId = body?["user_id"]?.GetValue<string>();
        var heraldId = body?["herald_account_id"]?.GetValue<string>();
        var reason = body?["reason"]?.GetValue<string>();
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(heraldId) || string.IsNullOrEmpty(reason))
        {
            return Results.Problem("user_id, herald_account_id and reason are required.", statusCode: 400);
        }

        var accountId = body!["account_id"]?.GetValue<string>();
        if (accountId is not null && !state.Scenario.Accounts.Any(a => a.Id == accountId && a.UserId == userId))
        {
            // Tenant-scoped: another user's account (or none) is not found.
            return Results.Problem("No such account.", statusCode: 404);
        }

        state.Record(new SimBanReport(
            userId, accountId, heraldId, body["platform"]?.GetValue<string>() ?? "", body["status"]?.GetValue<string>() ?? "", reason,
            body["detected_at"]?.GetValue<DateTimeOffset>()));
        return Results.Ok(new JsonObject { ["accepted"] = true });
    }

    private static IResult ParsedData(HttpContext http, IntegrationsState state, string id, string? user_id)
    {
        if (Refuse(http, state, IntegrationsState.ParsingService) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(user_id))
        {
            return Results.Problem("user_id is required.", statusCode: 400);
        }

        var data = state.Scenario.ParsedData.FirstOrDefault(d => d.Id == id && d.UserId == user_id);
        return data is null
            ? Results.Problem("No such dataset.", statusCode: 404)
            : Results.Text(data.Content, string.Equals(data.Format, "csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "application/json");
    }

    private static IResult? Refuse(HttpContext http, IntegrationsState state, string service)
    {
        if (state.Enter(service) is { } status)
        {
            return Results.Problem("Injected failure.", statusCode: status);
        }

        var key = state.Scenario.ApiKey;
        var headers = http.Request.Headers;
        var bearer = headers.Authorization is { Count: > 0 } auth && auth[0] is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value[7..] : null;
        var apiKey = headers.TryGetValue("X-Api-Key", out StringValues k) ? k.ToString() : null;
        return bearer == key || apiKey == key ? null : Results.Problem("Unauthorized.", statusCode: 401);
    }
}
