namespace Herald.Host.Health;

/// <summary>
/// One dependency <c>/readyz</c> checks (storage, the vault, …). Register implementations with
/// <c>services.AddReadinessCheck&lt;T&gt;()</c>; all run in parallel, each bounded by <see cref="ReadinessOptions.CheckTimeout"/>.
/// </summary>
public interface IReadinessCheck
{
    /// <summary>A short stable name shown in the answer (e.g. <c>storage</c>).</summary>
    string Name { get; }

    /// <summary>Checks the dependency; an exception counts as not ready.</summary>
    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>What a readiness check found.</summary>
/// <param name="IsReady">True when the dependency can serve.</param>
/// <param name="Detail">Why not, for operators (no secrets, no connection strings).</param>
public sealed record ReadinessResult(bool IsReady, string? Detail = null)
{
    /// <summary>Ready.</summary>
    public static ReadinessResult Ready { get; } = new(true);

    /// <summary>Not ready, because of <paramref name="detail"/>.</summary>
    public static ReadinessResult NotReady(string detail) => new(false, detail);
}
