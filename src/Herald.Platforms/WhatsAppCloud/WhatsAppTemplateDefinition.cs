namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// A message template as Meta's WhatsApp Manager shows it, configured so campaigns are checked against it before they
/// start (<see cref="WhatsAppCloudOptions.Templates"/>): a name, a language, its status and how many body parameters
/// (<c>{{1}}</c>, <c>{{2}}</c>, …) it takes.
/// </summary>
public sealed class WhatsAppTemplateDefinition
{
    /// <summary>The status of a template that may be sent.</summary>
    public const string Approved = "APPROVED";

    /// <summary>Its name (lowercase letters, digits, underscores).</summary>
    public string Name { get; set; } = "";

    /// <summary>Its language code (<c>en_US</c>).</summary>
    public string Language { get; set; } = "";

    /// <summary>Its status in WhatsApp Manager (default <see cref="Approved"/>; PENDING, REJECTED, PAUSED and DISABLED cannot be sent).</summary>
    public string Status { get; set; } = Approved;

    /// <summary>How many body parameters it takes (default 0).</summary>
    public int BodyParameters { get; set; }
}
