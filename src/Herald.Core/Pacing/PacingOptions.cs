namespace Herald.Core.Pacing;

/// <summary>How the pacing policy adapts (R18, R21), bound from <c>Herald:Pacing</c>. Defaults in brackets.</summary>
public sealed class PacingOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Herald:Pacing";

    /// <summary>A rate-limit signal multiplies the account's pace factor by this [2].</summary>
    public double SlowdownMultiplier { get; set; } = 2.0;

    /// <summary>The pace factor never grows beyond this [8].</summary>
    public double MaxPaceFactor { get; set; } = 8.0;

    /// <summary>After this long without a rate-limit signal the account counts as calm [1 hour].</summary>
    public TimeSpan CalmPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Each successful action of a calm account multiplies its pace factor by this, down to 1 [0.9].</summary>
    public double RecoveryMultiplier { get; set; } = 0.9;

    /// <summary>The cooldown when the platform rate-limits without saying for how long [10 minutes].</summary>
    public TimeSpan DefaultCooldown { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Added to every platform-requested wait, which is always honoured in full [1 second].</summary>
    public TimeSpan CooldownMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The spread of the even spacing of a daily cap, as a fraction either way [0.2].</summary>
    public double SpreadJitter { get; set; } = 0.2;

    /// <summary>Problems with the figures; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(SlowdownMultiplier > 1))
        {
            errors.Add($"{SectionName}:SlowdownMultiplier must be above 1.");
        }

        if (!(MaxPaceFactor >= 1))
        {
            errors.Add($"{SectionName}:MaxPaceFactor must be 1 or more.");
        }

        if (!(RecoveryMultiplier is > 0 and < 1))
        {
            errors.Add($"{SectionName}:RecoveryMultiplier must be between 0 and 1.");
        }

        if (!(SpreadJitter is >= 0 and < 1))
        {
            errors.Add($"{SectionName}:SpreadJitter must be in [0, 1).");
        }

        if (CalmPeriod < TimeSpan.Zero || DefaultCooldown <= TimeSpan.Zero || CooldownMargin < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}: CalmPeriod and CooldownMargin may not be negative; DefaultCooldown must be positive.");
        }

        return errors;
    }
}
