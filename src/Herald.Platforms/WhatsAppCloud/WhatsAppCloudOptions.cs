using Herald.Platforms.Abstractions;

namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// Settings of the WhatsApp Cloud API platform (bound from <c>Herald:Platforms:WhatsAppCloud</c>). The throughput
/// and tier figures default to Meta's documented limits and may only be lowered (R35): validation on start
/// refuses anything above them.
/// </summary>
public sealed class WhatsAppCloudOptions : IPlatformEndpoints
{
    /// <summary>The configuration section these options bind from (<c>Platforms:WhatsAppCloud</c>).</summary>
    public const string SectionName = "Platforms:WhatsAppCloud";

    /// <summary>Meta's highest throughput per business number: 1,000 messages per second (the default is 80).</summary>
    public const double MaxMessagesPerSecond = 1000;

    /// <summary>The Cloud API's default throughput per business number: 80 messages per second.</summary>
    public const double DefaultMessagesPerSecond = 80;

    /// <summary>The Graph API server, scheme, host and port only (default <c>https://graph.facebook.com</c>; the simulator in tests and demos).</summary>
    public string BaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>The Graph API version in the path (default <c>v23.0</c>).</summary>
    public string ApiVersion { get; set; } = "v23.0";

    /// <summary>How long one call may take, wall clock (default 30 s); longer is a transient <c>timeout</c>.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages per second per business number (default 80, at most 1,000).</summary>
    public double MessagesPerSecond { get; set; } = DefaultMessagesPerSecond;

    /// <summary>
    /// The messaging tier of a number not listed in <see cref="Tiers"/>: unique recipients per rolling 24 hours
    /// (default 250, Meta's first tier; null: unlimited).
    /// </summary>
    public int? DefaultTier { get; set; } = 250;

    /// <summary>
    /// The messaging tier Meta granted each number, by phone-number id (250, 1000, 2000, 10000 or 100000 unique
    /// recipients per rolling 24 h; 0 for unlimited). The adapter never messages more new recipients than this.
    /// </summary>
    public Dictionary<string, int> Tiers { get; set; } = [];

    /// <summary>The wait after a throughput error (130429) that carries no hint (default 1 s).</summary>
    public TimeSpan ThroughputRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after an application or account rate limit (4, 80007), which Meta counts per hour (default 15 min).</summary>
    public TimeSpan AccountRateRetryAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a number's <c>quality_rating</c> is read again (default 5 min; zero: before every send).</summary>
    public TimeSpan QualityCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long resolved credentials stay in memory before the secret store is asked again (default 5 min).</summary>
    public TimeSpan CredentialCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The business account's message templates (default none). When any are listed, a campaign whose template is not
    /// among them, is not approved, or is given another number of body parameters than it takes is refused at creation
    /// (what the Cloud API would answer with 132001, 132015/132016 or 132000 at the first send); when none are, such
    /// problems show only at the first send, and the campaign's creation says so in a warning.
    /// </summary>
    public IList<WhatsAppTemplateDefinition> Templates { get; set; } = [];

    /// <summary>The app secret that signs webhook calls (<c>X-Hub-Signature-256</c>); webhooks are refused without it.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token Meta echoes in the webhook verification handshake (<c>hub.verify_token</c>).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The tier of one number: its entry in <see cref="Tiers"/> or <see cref="DefaultTier"/>; null is unlimited.</summary>
    public int? TierOf(string phoneNumberId) =>
        Tiers.TryGetValue(phoneNumberId, out var tier) ? (tier == 0 ? null : tier) : DefaultTier;

    /// <inheritdoc />
    public IEnumerable<(string Setting, string? Endpoint)> Endpoints() => [("Herald:" + SectionName + ":BaseUrl", BaseUrl)];
}
