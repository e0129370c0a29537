using Microsoft.Extensions.Options;

namespace Herald.Host.Health;

/// <summary>Runs every <see cref="IReadinessCheck"/> in parallel with a timeout each.</summary>
internal sealed class ReadinessProbe(
    IEnumerable<IReadinessCheck> checks,
    IOptions<ReadinessOptions> options,
    TimeProvider timeProvider,
    ILogger<ReadinessProbe> logger)
{
    public async Task<IReadOnlyList<CheckOutcome>> RunAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(checks.Select(check => RunOneAsync(check, cancellationToken)));

    private async Task<CheckOutcome> RunOneAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.CheckTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ReadinessResult result;
        Exception? error = null;
        try
        {
            result = await check.CheckAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            (result, error) = (ReadinessResult.NotReady("The check timed out."), ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's message may carry connection details: answer with its type only, log the rest.
            (result, error) = (ReadinessResult.NotReady($"The check failed ({ex.GetType().Name})."), ex);
        }

        if (!result.IsReady)
        {
            Log.ReadinessCheckFailed(logger, check.Name, result.Detail ?? "not ready", error);
        }

        return new CheckOutcome(check.Name, result.IsReady ? "ready" : "not_ready", result.Detail);
    }
}

/// <summary>One check's line in the <c>/readyz</c> answer.</summary>
/// <param name="Name">The check.</param>
/// <param name="Status"><c>ready</c> or <c>not_ready</c>.</param>
/// <param name="Detail">Why not ready.</param>
public sealed record CheckOutcome(string Name, string Status, string? Detail);
