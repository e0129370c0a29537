namespace Herald.Engine.Lanes;

/// <summary>What one turn of the transactional lane did.</summary>
/// <param name="Sent">Platform calls made.</param>
/// <param name="NextAt">When the lane has more to do (now, or when the account may act again); null when it is empty.</param>
/// <param name="Fenced">The attempt lost the account: it must stop.</param>
internal readonly record struct LaneDrain(int Sent, DateTimeOffset? NextAt, bool Fenced = false)
{
    public static LaneDrain Empty { get; } = new(0, null);
}
