using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Simulator.Apis;

/// <summary>
/// The simulator's own endpoints under <c>/_sim</c>: what was delivered, counts, reset, and the
/// scenario (read, or patch: top-level properties of the posted object replace the current ones).
/// </summary>
internal static class SimulatorApi
{
    private const int MaxPage = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapSimulatorApi(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");
        sim.MapGet("/deliveries", GetDeliveries);
        sim.MapGet("/stats", (SimulatorState state) => TypedResults.Ok(state.GetStats()));
        sim.MapPost("/reset", (SimulatorState state, bool? options) =>
        {
            state.Reset(options ?? false);
            return TypedResults.NoContent();
        });
        sim.MapGet("/config", (SimulatorState state) => TypedResults.Ok(state.Options));
        sim.MapPost("/config", PatchConfig);
        sim.MapPost("/join-requests", (SimulatorState state, JoinRequest request) =>
        {
            state.AddJoinRequest(request.ChatId, request.UserId);
            return TypedResults.NoContent();
        });
        sim.MapPost("/bots/{botId:long}/retry-after", ForceRetryAfter);
        sim.MapGet("/bots/{botId:long}/retry-after", (SimulatorState state, long botId) => TypedResults.Ok(state.GetForcedRetryAfter(botId)));
        sim.MapPost("/bots/{botId:long}/stars", SetStars);
        sim.MapGet("/bots/{botId:long}/stars", (SimulatorState state, long botId) => TypedResults.Ok(state.GetStars(botId)));
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
        return app;
    }

    private static Results<Ok<DeliveryPage>, ValidationProblem> GetDeliveries(
        SimulatorState state, long? bot, long? chat, int? offset, int? limit)
    {
        var take = limit ?? 100;
        var skip = offset ?? 0;
        if (take is < 1 or > MaxPage || skip < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [take is < 1 or > MaxPage ? "limit" : "offset"] = [$"limit must be 1–{MaxPage} and offset not negative."],
            });
        }

        return TypedResults.Ok(state.QueryDeliveries(bot, chat, skip, take));
    }

    private static Results<Ok<SimulatorOptions>, ValidationProblem> PatchConfig(SimulatorState state, JsonObject patch)
    {
        try
        {
            return TypedResults.Ok(state.Update(current =>
            {
                var merged = JsonSerializer.SerializeToNode(current, Json)!.AsObject();
                foreach (var (name, value) in patch)
                {
                    var existing = merged.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                        ?? throw new ArgumentException($"Unknown simulator option '{name}'.", name);
                    merged[existing] = value?.DeepClone();
                }

                return merged.Deserialize<SimulatorOptions>(Json)
                    ?? throw new ArgumentException("The options must be a JSON object.", nameof(patch));
            }));
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [(e as ArgumentException)?.ParamName ?? "body"] = [e.Message],
            });
        }
    }

    private static Results<NoContent, ValidationProblem> ForceRetryAfter(SimulatorState state, long botId, RetryAfterRequest request)
    {
        if (request.Count < 0 || request.RetryAfter < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [request.Count < 0 ? "count" : "retryAfter"] = ["count must not be negative and retryAfter must be at least 1 (seconds)."],
            });
        }

        state.ForceRetryAfter(botId, request.Count, request.RetryAfter);
        return TypedResults.NoContent();
    }

    private static Results<NoContent, ValidationProblem> SetStars(SimulatorState state, long botId, StarsRequest request)
    {
        if (request.Balance is not (>= 0 and <= 1e12))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["balance"] = ["balance must be 0 or more (Stars)."] });
        }

        state.SetStarsBalance(botId, request.Balance);
        return TypedResults.NoContent();
    }

    /// <summary>The body of <c>POST /_sim/bots/{botId}/stars</c>: the bot's Stars balance from now on.</summary>
    internal sealed record StarsRequest(double Balance);

    /// <summary>The body of <c>POST /_sim/bots/{botId}/retry-after</c>: the next <c>Count</c> sends answer 429 with <c>retry_after</c> = <c>RetryAfter</c> seconds.</summary>
    internal sealed record RetryAfterRequest(int Count, int RetryAfter);

    /// <summary>The body of <c>POST /_sim/join-requests</c>.</summary>
    internal sealed record JoinRequest(long ChatId, long UserId);
}
