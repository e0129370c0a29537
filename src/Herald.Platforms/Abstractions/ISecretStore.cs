namespace Herald.Platforms.Abstractions;

/// <summary>
/// Where credentials live (Azure Key Vault in Azure, an encrypted local store in development).
/// Tables and answers hold only the reference; values are held in memory only while needed (R29).
/// </summary>
public interface ISecretStore
{
    /// <summary>Stores <paramref name="value"/> and returns the reference to keep instead of it.</summary>
    Task<string> SetAsync(string tenantId, string name, string value, CancellationToken cancellationToken = default);

    /// <summary>Reads a secret by reference, or null when there is none.</summary>
    Task<string?> GetAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>Removes a secret; removing a missing one is not an error.</summary>
    Task DeleteAsync(string reference, CancellationToken cancellationToken = default);
}
