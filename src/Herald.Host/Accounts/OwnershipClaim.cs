namespace Herald.Host.Accounts;

/// <summary>What a claim on a global account id found.</summary>
internal enum OwnershipClaim
{
    /// <summary>The caller's tenant owns it now (a new claim).</summary>
    Claimed,

    /// <summary>The caller's tenant owned it already.</summary>
    AlreadyOwned,

    /// <summary>Another tenant owns it.</summary>
    OwnedElsewhere,
}
