namespace Herald.Core.Work;

/// <summary>How work choice weighs priority against waiting (R4), bound from <c>Herald:Work</c>.</summary>
public sealed class WorkChoiceOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Herald:Work";

    /// <summary>
    /// Aging: a campaign gains one priority level for every this many of the account's action intervals it has
    /// waited for the account [3]. So a campaign one level lower gets about every fourth action, two levels lower
    /// about every seventh, and none starves.
    /// </summary>
    public double AgingActions { get; set; } = 3;
}
