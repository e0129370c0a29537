namespace Herald.Core.Limits;

/// <summary>One step of a warm-up ramp: from <see cref="Day"/> of an account's age its caps are <see cref="Share"/> of the full ones.</summary>
/// <param name="Day">Age in whole days from which the step applies.</param>
/// <param name="Share">The share of the full daily caps, in (0, 1].</param>
public readonly record struct WarmupStep(int Day, double Share);
