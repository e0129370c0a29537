using Azure;

namespace Herald.Engine.Persistence;

/// <summary>The answer to a lease renewal: the row's new ETag, or null when the row changed or is gone.</summary>
public readonly record struct LeaseRenewal(ETag? ETag);
