namespace Herald.Development;

/// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
public static class DevelopmentStorage
{
    /// <summary>The development account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
}
