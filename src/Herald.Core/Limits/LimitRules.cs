namespace Herald.Core.Limits;

/// <summary>The "stricter only" rules shared by configuration and per-account overrides (R35).</summary>
internal static class LimitRules
{
    /// <summary>Adds one message per value of <paramref name="value"/> looser than <paramref name="ceiling"/> (named <paramref name="ceilingName"/> in the messages).</summary>
    public static void Check(string path, AccountLimitsOptions value, AccountLimitsOptions ceiling, List<string> errors, string ceilingName = "the documented platform limit")
    {
        if (value.MinPause < ceiling.MinPause)
        {
            errors.Add($"{path}:MinPause is {value.MinPause}; it may not be shorter than {ceiling.MinPause} (limits may only be made stricter).");
        }

        if (value.MaxPause < value.MinPause)
        {
            errors.Add($"{path}:MaxPause is {value.MaxPause}; it may not be shorter than MinPause {value.MinPause}.");
        }

        CheckCount(path, "RequestsPerSecond", value.RequestsPerSecond, ceiling.RequestsPerSecond, errors, ceilingName, allowZero: false);
        if (value.PaidRequestsPerSecond is not null)
        {
            // Unset is the strictest: no paid broadcasts.
            CheckCount(path, "PaidRequestsPerSecond", value.PaidRequestsPerSecond, ceiling.PaidRequestsPerSecond, errors, ceilingName, allowZero: false);
        }
        CheckCount(path, "PerGroupPerMinute", value.PerGroupPerMinute, ceiling.PerGroupPerMinute, errors, ceilingName, allowZero: false);
        CheckCount(path, "InvitesPerDay", value.InvitesPerDay, ceiling.InvitesPerDay, errors, ceilingName);
        CheckCount(path, "AddContactsPerDay", value.AddContactsPerDay, ceiling.AddContactsPerDay, errors, ceilingName);
        CheckCount(path, "MessagesPerDay", value.MessagesPerDay, ceiling.MessagesPerDay, errors, ceilingName);
        CheckCount(path, "MessagesWithLinksPerDay", value.MessagesWithLinksPerDay, ceiling.MessagesWithLinksPerDay, errors, ceilingName);
        CheckCount(path, "ForwardsPerDay", value.ForwardsPerDay, ceiling.ForwardsPerDay, errors, ceilingName);
        CheckCount(path, "MaxMessageLength", value.MaxMessageLength, ceiling.MaxMessageLength, errors, ceilingName, allowZero: false);

        if (ceiling.PerChatInterval is { } minInterval && (value.PerChatInterval ?? TimeSpan.Zero) < minInterval)
        {
            errors.Add($"{path}:PerChatInterval is {value.PerChatInterval?.ToString() ?? "unset"}; it may not be shorter than {minInterval} (limits may only be made stricter).");
        }

        if (value.MessagesWithLinksPerDay is { } withLinks && value.MessagesPerDay is { } all && withLinks > all)
        {
            errors.Add($"{path}:MessagesWithLinksPerDay is {withLinks}; it may not exceed MessagesPerDay {all}.");
        }

        var previous = 0.0;
        foreach (var (day, share) in value.WarmupShareByDay.OrderBy(p => p.Key))
        {
            if (day < 0 || share is <= 0 or > 1 || double.IsNaN(share))
            {
                errors.Add($"{path}:WarmupShareByDay:{day} is {share}; days are 0 or more and shares in (0, 1].");
            }
            else if (share < previous)
            {
                errors.Add($"{path}:WarmupShareByDay:{day} is {share}; the ramp may not go down (it was {previous} before).");
            }

            previous = Math.Max(previous, share);
        }
    }

    private static void CheckCount(string path, string name, int? value, int? ceiling, List<string> errors, string ceilingName, bool allowZero = true)
    {
        if (value is not { } v)
        {
            if (ceiling is { } c)
            {
                errors.Add($"{path}:{name} is unset; it must be set, at most {c} (limits may only be made stricter).");
            }

            return;
        }

        if (v < 0 || (!allowZero && v == 0))
        {
            errors.Add($"{path}:{name} is {v}; it must be {(allowZero ? "0 or more" : "1 or more")}.");
        }
        else if (ceiling is { } max && v > max)
        {
            errors.Add($"{path}:{name} is {v}; it may not exceed {ceilingName} {max} (limits may only be made stricter).");
        }
    }
}
