using Herald.Core.Limits;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.Abstractions;

/// <summary>
/// Refuses <see cref="PlatformLimitsOptions.TimeFactor"/> above 1 unless a platform's endpoints are all on loopback: the
/// factor runs every limit that many times faster than the platform allows, which only a simulator may see (R35). One
/// guard per registered platform, each naming the setting that points away from loopback.
/// </summary>
/// <typeparam name="TOptions">The platform's options, which name its endpoints.</typeparam>
public sealed class SimulatedTimeGuard<TOptions>(IOptions<TOptions> platform) : IValidateOptions<PlatformLimitsOptions>
    where TOptions : class, IPlatformEndpoints
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PlatformLimitsOptions options)
    {
        if (options.TimeFactor == 1)
        {
            return ValidateOptionsResult.Success;
        }

        foreach (var (setting, endpoint) in platform.Value.Endpoints())
        {
            if (!Loopback.Names(endpoint))
            {
                return ValidateOptionsResult.Fail(
                    $"{PlatformLimitsOptions.SectionName}:TimeFactor is {options.TimeFactor}: the limits would run that many times faster than the platform allows, "
                    + $"so it is accepted only against a simulator on loopback, and {setting} is {(string.IsNullOrEmpty(endpoint) ? "not set (the real platform)" : $"'{endpoint}'")}.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
