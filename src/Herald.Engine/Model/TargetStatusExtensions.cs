using Herald.Core.Domain;

namespace Herald.Engine.Model;

/// <summary>Helpers over <see cref="TargetStatus"/> as the engine stores it.</summary>
public static class TargetStatusExtensions
{
    /// <summary>True for done, failed, unknown and skipped (cancelled is never stored: it is what a cancel leaves).</summary>
    public static bool IsTerminalTarget(this TargetStatus status) =>
        status is TargetStatus.Done or TargetStatus.Failed or TargetStatus.Unknown or TargetStatus.Skipped or TargetStatus.Cancelled;
}
