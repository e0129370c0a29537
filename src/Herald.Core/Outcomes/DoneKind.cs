namespace Herald.Core.Outcomes;

/// <summary>What a successful action achieved, as counted in statistics (R24).</summary>
public enum DoneKind
{
    /// <summary>The recipient was invited into the group or channel.</summary>
    Invited,

    /// <summary>The recipient was added to the account's contacts.</summary>
    ContactAdded,

    /// <summary>A message was delivered to the recipient.</summary>
    Messaged,

    /// <summary>The invite was refused by privacy settings and a personal message went instead (R13).</summary>
    MessagedInsteadOfInvited,
}
