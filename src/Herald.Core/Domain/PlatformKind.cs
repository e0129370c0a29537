namespace Herald.Core.Domain;

/// <summary>The messenger platform an account belongs to.</summary>
public enum PlatformKind
{
    /// <summary>Telegram: bots through the Bot API, user accounts through MTProto/TDLib.</summary>
    Telegram,

    /// <summary>WhatsApp Cloud API (official).</summary>
    WhatsApp,

    /// <summary>Instagram direct messages.</summary>
    Instagram,

    /// <summary>E-mail over SMTP (R33).</summary>
    Email,
}
