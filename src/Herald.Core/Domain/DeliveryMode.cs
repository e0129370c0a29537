namespace Herald.Core.Domain;

/// <summary>What happens to a target whose attempt died half-way (sent or not, nobody knows).</summary>
public enum DeliveryMode
{
    /// <summary>The default: an ambiguous target is reported as unknown and never re-sent.</summary>
    AtMostOnce,

    /// <summary>An ambiguous target is tried again; the recipient may receive the action twice.</summary>
    AtLeastOnce,
}
