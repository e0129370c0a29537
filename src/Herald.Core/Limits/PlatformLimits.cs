using System.Collections.Concurrent;
using Herald.Core.Domain;
using Microsoft.Extensions.Options;

namespace Herald.Core.Limits;

/// <summary>
/// The configured limits of every platform, resolved per account: <see cref="For"/> gives the
/// <see cref="AccountLimits"/> the pacing policy works with.
/// </summary>
public sealed class PlatformLimits
{
    private readonly ConcurrentDictionary<(PlatformKind, AccountKind), AccountLimits> _plain = new();

    /// <summary>Creates the resolver; throws <see cref="ArgumentException"/> listing every invalid figure.</summary>
    public PlatformLimits(PlatformLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid platform limits: " + string.Join(" ", errors), nameof(options));
        }

        Options = options;
    }

    /// <summary>Creates the resolver from bound options.</summary>
    public PlatformLimits(IOptions<PlatformLimitsOptions> options)
        : this(options.Value)
    {
    }

    /// <summary>The documented defaults.</summary>
    public static PlatformLimits Default { get; } = new(new PlatformLimitsOptions());

    /// <summary>The options in force.</summary>
    public PlatformLimitsOptions Options { get; }

    /// <summary>True when the platform has that kind of account (Instagram and e-mail have no bots).</summary>
    public bool Supports(PlatformKind platform, AccountKind kind) => Options.For(platform, kind) is not null;

    /// <summary>
    /// The limits of an account. Overrides that would loosen a limit are clamped to the configured value;
    /// validate them first with <see cref="ValidateOverrides"/> to tell the operator.
    /// </summary>
    public AccountLimits For(PlatformKind platform, AccountKind kind, LimitOverrides? overrides = null)
    {
        var configured = Options.For(platform, kind)
            ?? throw new ArgumentException($"{platform} has no {kind.ToString().ToLowerInvariant()} accounts.", nameof(kind));
        return overrides is null
            ? _plain.GetOrAdd((platform, kind), _ => AccountLimits.From(platform, kind, configured))
            : AccountLimits.From(platform, kind, overrides.Apply(configured, clamp: true, platform, kind)) with { PaidRequestsPerSecond = overrides.PaidRate(configured) };
    }

    /// <summary>One message per override that would loosen a configured limit (R35); empty when all are stricter.</summary>
    public IReadOnlyList<string> ValidateOverrides(PlatformKind platform, AccountKind kind, LimitOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var configured = Options.For(platform, kind);
        return configured is null
            ? [$"{platform} has no {kind.ToString().ToLowerInvariant()} accounts."]
            : overrides.Validate(platform, kind, configured);
    }
}
