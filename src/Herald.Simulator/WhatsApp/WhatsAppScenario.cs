namespace Herald.Simulator.WhatsApp;

/// <summary>
/// What the simulated WhatsApp Cloud API enforces and answers. Numbers not listed are created on first use with
/// <see cref="DefaultTier"/> and a GREEN rating; any token is accepted except <see cref="RevokedTokens"/>.
/// </summary>
public sealed class WhatsAppScenario
{
    /// <summary>Business numbers with their tier and quality rating.</summary>
    public IList<WhatsAppNumber> Numbers { get; set; } = [];

    /// <summary>The tier of a number not listed: unique recipients per rolling 24 hours (default 250; 0 unlimited).</summary>
    public int DefaultTier { get; set; } = 250;

    /// <summary>Throughput per number, messages per second (default 80); a send over it answers 130429 (HTTP 429).</summary>
    public double MessagesPerSecond { get; set; } = 80;

    /// <summary>The shortest interval between two messages to one recipient (default 6 s); closer answers 131056.</summary>
    public TimeSpan PerRecipientInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Tokens answered 401 with code 190 (expired or revoked).</summary>
    public IList<string> RevokedTokens { get; set; } = [];

    /// <summary>Recipients (digits) a message cannot reach: 131026.</summary>
    public IList<string> UndeliverableRecipients { get; set; } = [];

    /// <summary>
    /// Recipients (digits) whose messages are accepted and then reported <c>failed</c> by a status webhook (error
    /// <see cref="ReceiptFailedCode"/>) instead of <c>delivered</c>.
    /// </summary>
    public IList<string> ReceiptFailedRecipients { get; set; } = [];

    /// <summary>The error code of a <c>failed</c> receipt: 131049 (not delivered, to keep the ecosystem healthy).</summary>
    public const int ReceiptFailedCode = 131049;

    /// <summary>Approved templates; a send naming another answers 132001, a wrong parameter count 132000.</summary>
    public IList<WhatsAppTemplate> Templates { get; set; } = [new WhatsAppTemplate("hello_world", "en_US", 0)];

    /// <summary>When true every recipient's 24-hour window is open (text always allowed); default false: only after a reply.</summary>
    public bool WindowAlwaysOpen { get; set; }

    /// <summary>Where status and message webhooks go (Herald's <c>/webhooks/whatsapp</c>); null: none are sent.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The app secret the webhooks are signed with (<c>X-Hub-Signature-256</c>).</summary>
    public string AppSecret { get; set; } = "simulator-app-secret";

    /// <summary>Send a <c>delivered</c> status after <c>sent</c> (default true).</summary>
    public bool ReportDelivered { get; set; } = true;

    /// <summary>A deep copy.</summary>
    public WhatsAppScenario Clone()
    {
        var copy = (WhatsAppScenario)MemberwiseClone();
        copy.Numbers = [.. Numbers.Select(n => n with { })];
        copy.RevokedTokens = [.. RevokedTokens];
        copy.UndeliverableRecipients = [.. UndeliverableRecipients];
        copy.ReceiptFailedRecipients = [.. ReceiptFailedRecipients];
        copy.Templates = [.. Templates];
        return copy;
    }
}

/// <summary>A business number of the simulator.</summary>
/// <param name="PhoneNumberId">Its id in the path.</param>
/// <param name="Tier">Unique recipients per rolling 24 hours (0 unlimited).</param>
/// <param name="QualityRating">GREEN, YELLOW or RED.</param>
public sealed record WhatsAppNumber(string PhoneNumberId, int Tier = 250, string QualityRating = "GREEN");

/// <summary>An approved template.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Language">Its language code (<c>en_US</c>).</param>
/// <param name="BodyParameters">How many body parameters it takes.</param>
public sealed record WhatsAppTemplate(string Name, string Language, int BodyParameters);

/// <summary>An error the next sends answer regardless of the rules (to test every code).</summary>
/// <param name="Code">The Graph API error code.</param>
/// <param name="HttpStatus">The HTTP status (400 if not given).</param>
/// <param name="Count">How many sends answer it.</param>
/// <param name="PhoneNumberId">Only sends through this number; null: any.</param>
public sealed record WhatsAppForcedError(int Code, int HttpStatus = 400, int Count = 1, string? PhoneNumberId = null);

/// <summary>One message the simulated Cloud API accepted.</summary>
/// <param name="MessageId">The <c>wamid</c> it answered.</param>
/// <param name="PhoneNumberId">The business number it went through.</param>
/// <param name="To">The recipient (digits).</param>
/// <param name="Type"><c>text</c> or <c>template</c>.</param>
/// <param name="Text">The text, or the template name.</param>
/// <param name="Parameters">The template's body parameters.</param>
/// <param name="At">When it was accepted (the simulator's clock).</param>
public sealed record WhatsAppDelivery(string MessageId, string PhoneNumberId, string To, string Type, string Text, IReadOnlyList<string> Parameters, DateTimeOffset At);

/// <summary>Counts of the simulated Cloud API.</summary>
/// <param name="Accepted">Messages accepted.</param>
/// <param name="Throughput429">Sends refused with 130429 (over the throughput).</param>
/// <param name="TierViolations">Sends refused because the number's tier was used up (answered 131048).</param>
/// <param name="RecipientTooOften">Sends refused with 131056.</param>
/// <param name="Refused">All refused sends.</param>
/// <param name="WebhooksSent">Webhook calls answered 2xx by the receiver.</param>
/// <param name="WebhooksFailed">Webhook calls that failed or were refused.</param>
public sealed record WhatsAppStats(int Accepted, int Throughput429, int TierViolations, int RecipientTooOften, int Refused, int WebhooksSent, int WebhooksFailed);
