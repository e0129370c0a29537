using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Simulator.TdLib;

/// <summary>
/// The simulated TDLib over HTTP: <c>POST /tdlib/clients</c> (<c>td_create_client_id</c>),
/// <c>POST /tdlib/clients/{id}/send</c> (<c>td_send</c>: a TDLib object), <c>GET /tdlib/clients/{id}/receive?timeout=s</c>
/// (<c>td_receive</c>: the objects ready within the timeout, as a JSON array; 404 once the client has closed).
/// Scenario and effects under <c>/_sim/tdlib</c>: <c>POST scenario</c>, <c>GET chats/{id}/members</c>, <c>messages</c>,
/// <c>invites</c>, <c>actions?offset=&amp;limit=</c> (every paced request with account, time and pacing answer) and <c>violations</c>.
/// </summary>
internal static class TdLibApi
{
    public static IEndpointRouteBuilder MapSimulatedTdLib(this IEndpointRouteBuilder app)
    {
        var td = app.MapGroup("/tdlib/clients");
        td.MapPost("", (TdWorld world) => TypedResults.Ok(new JsonObject { ["client_id"] = world.CreateClient().Id }));
        td.MapPost("/{id:long}/send", Results<Accepted, NotFound> (TdWorld world, long id, JsonObject request) =>
        {
            if (world.FindClient(id) is not { } client)
            {
                return TypedResults.NotFound();
            }

            world.Send(client, request);
            return TypedResults.Accepted((string?)null);
        });
        td.MapGet("/{id:long}/receive", ReceiveAsync);

        var sim = app.MapGroup("/_sim/tdlib");
        sim.MapPost("/scenario", (TdWorld world, TdScenario scenario) =>
        {
            world.Load(scenario);
            return TypedResults.NoContent();
        });
        sim.MapGet("/chats/{id:long}/members", (TdWorld world, long id) => TypedResults.Ok(world.MembersOf(id)));
        sim.MapGet("/messages", (TdWorld world) => TypedResults.Ok(world.Messages));
        sim.MapGet("/invites", (TdWorld world) => TypedResults.Ok(world.Invites));
        sim.MapGet("/actions", GetActions);
        sim.MapGet("/violations", (TdWorld world) => TypedResults.Ok(new { world.ActionsDuringWait, world.ActionsAfterPeerFlood }));
        return app;
    }

    private const int MaxActionPage = 5000;

    private static Results<Ok<IReadOnlyList<TdSimAction>>, ValidationProblem> GetActions(TdWorld world, int? offset, int? limit)
    {
        var take = limit ?? 1000;
        var skip = offset ?? 0;
        if (take is < 1 or > MaxActionPage || skip < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [take is < 1 or > MaxActionPage ? "limit" : "offset"] = [$"limit must be 1–{MaxActionPage} and offset not negative."],
            });
        }

        return TypedResults.Ok(world.Actions(skip, take));
    }

    private static async Task<Results<Ok<JsonArray>, NotFound>> ReceiveAsync(TdWorld world, long id, double? timeout, CancellationToken cancellationToken)
    {
        if (world.FindClient(id) is not { } client)
        {
            return TypedResults.NotFound();
        }

        world.Seen(client);
        Interlocked.Increment(ref client.Receiving);
        try
        {
            return await ReceiveBatchAsync(world, client, id, timeout, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref client.Receiving);
            world.Seen(client);
        }
    }

    private static async Task<Results<Ok<JsonArray>, NotFound>> ReceiveBatchAsync(TdWorld world, TdSimClient client, long id, double? timeout, CancellationToken cancellationToken)
    {
        var batch = new JsonArray();
        var reader = client.Outbox.Reader;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(timeout ?? 1, 0, 30)));
        try
        {
            if (!await reader.WaitToReadAsync(wait.Token))
            {
                world.Forget(id);
                return TypedResults.NotFound();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Ok(batch);
        }

        while (reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        return TypedResults.Ok(batch);
    }
}
