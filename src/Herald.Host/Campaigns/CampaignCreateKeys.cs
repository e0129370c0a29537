using System.Text.Json;
using Herald.Engine.Campaigns;
using Herald.Engine.Model;
using Herald.Host.Messages;
using Herald.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Campaigns;

/// <summary>What taking a create request's key decided.</summary>
/// <param name="CampaignId">Create the campaign under this id (null: answer <paramref name="Answer"/> instead).</param>
/// <param name="Held">The key as held, to complete or release (null for a replay: the key is complete).</param>
/// <param name="Answer">The answer instead of creating: a mismatch, or "in progress".</param>
internal sealed record CampaignKeyDecision(string? CampaignId, IdempotencyReservation? Held, ProblemHttpResult? Answer);

/// <summary>
/// <c>Idempotency-Key</c> on <c>POST /api/campaigns</c> (optional): a client that retries a create whose answer it never
/// got (a timeout, a 503 after the campaign was stored) gets that campaign, not another one reaching everyone again.
/// The key is taken with the id the campaign will have (kept with the key in the idempotency table), so a retry creates
/// under the same id, and the engine answers the campaign that exists under it without writing anything: the answer is
/// made again from it (marked <c>Idempotent-Replayed</c>), with its status now. The same key with another body answers
/// 422; a retry while the first request is still writing its targets answers 409 with <c>Retry-After</c>.
/// </summary>
internal sealed class CampaignCreateKeys(IdempotencyStore keys, CampaignService campaigns, TimeProvider time)
{
    private const string Path = "/api/campaigns";

    /// <summary>Takes <paramref name="key"/> for <paramref name="body"/>, or says what to answer instead.</summary>
    public async Task<CampaignKeyDecision> BeginAsync(HttpContext http, string tenantId, string key, CreateCampaignRequest body, CancellationToken cancellationToken)
    {
        var id = EngineKeys.NewCampaignId(time.GetUtcNow());
        var begin = await keys.BeginAsync(tenantId, key, Fingerprint(body), id, cancellationToken);
        switch (begin.State)
        {
            case IdempotencyState.Started:
                return new CampaignKeyDecision(id, begin.Reservation, null);
            case IdempotencyState.Replay:
                // Kept with the key is the campaign's id, not its answer: the answer is made again from the campaign.
                http.Response.Headers[MessageOperations.ReplayedHeader] = "true";
                return new CampaignKeyDecision(begin.Response!.Body, null, null);
            case IdempotencyState.Mismatch:
                return new CampaignKeyDecision(null, null, ProblemFactory.Unprocessable(
                    "Idempotency-Key reused", "This Idempotency-Key was used for a different request; use a new key."));
        }

        // The first request with the key stored its campaign (and then lost its answer or is about to give it), or it died
        // before (abandoned): either way creating again under its id is safe. Only one still writing its targets is waited for.
        if (begin.Operation is not { Length: > 0 } first)
        {
            return new CampaignKeyDecision(null, null, ProblemFactory.Conflict("A request with this Idempotency-Key did not finish; use a new key."));
        }

        if (begin.State == IdempotencyState.InProgress && await campaigns.GetAsync(tenantId, first, cancellationToken) is null)
        {
            http.Response.Headers.RetryAfter = "2";
            return new CampaignKeyDecision(null, null, ProblemFactory.Conflict(
                "A request with this Idempotency-Key is still creating its campaign; retry shortly to get its answer."));
        }

        return new CampaignKeyDecision(first, begin.Reservation, null);
    }

    /// <summary>Keeps the campaign's id with the key: the same request with it answers that campaign from now on.</summary>
    public Task CompleteAsync(CampaignKeyDecision decision, CreateCampaignRequest body) => decision.Held is null
        ? Task.CompletedTask
        : keys.CompleteAsync(decision.Held, Fingerprint(body), new StoredResponse(StatusCodes.Status202Accepted, decision.CampaignId!), CancellationToken.None);

    /// <summary>
    /// Gives the key back when no campaign was stored under its id (the request was refused or failed before), so the
    /// same request may be sent again with it; a stored campaign keeps the key, and a retry answers it.
    /// </summary>
    public async Task ReleaseUnlessCreatedAsync(CampaignKeyDecision decision, string tenantId)
    {
        if (decision.Held is null)
        {
            return;
        }

        try
        {
            if (await campaigns.GetAsync(tenantId, decision.CampaignId!, CancellationToken.None) is null)
            {
                await keys.ReleaseAsync(decision.Held!, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or TimeoutException)
        {
            // Storage is down: the key stays held, and a retry after it came back finds out what happened.
        }
    }

    private static string Fingerprint(CreateCampaignRequest body) =>
        IdempotencyStore.Fingerprint("POST", Path, JsonSerializer.Serialize(body, HeraldJson.Strict));
}
