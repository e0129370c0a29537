using System.Globalization;
using Herald.Core.Domain;
using Herald.Engine.Suppression;
using Herald.Platforms.Email;
using Microsoft.Extensions.Options;

namespace Herald.Host.Email;

/// <summary>
/// One-click unsubscribe (RFC 8058): a sealed token (<see cref="UnsubscribeToken"/>) names the tenant and the
/// recipient's key; the recipient goes onto that tenant's suppression list (R34) with reason <c>unsubscribed</c>.
/// </summary>
internal sealed class UnsubscribeHandler(IOptions<EmailOptions> options, SuppressionStore suppressions)
{
    /// <summary>The suppression reason.</summary>
    public const string Reason = "unsubscribed";

    /// <summary>False when the token is not one Herald sealed.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (options.Value.UnsubscribeSecret is not { } secret
            || !UnsubscribeToken.TryOpen(secret, token, out var tenant, out var key)
            || RecipientOf(key) is not { } recipient)
        {
            return false;
        }

        await suppressions.AddAsync(tenant, recipient, Reason, cancellationToken);
        return true;
    }

    /// <summary>The recipient whose <see cref="Recipient.Key"/> is <paramref name="key"/>.</summary>
    public static Recipient? RecipientOf(string key) => key switch
    {
        ['i', 'd', ':', .. var id] when long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var userId) => new Recipient(UserId: userId),
        ['u', ':', .. var username] when username.Length > 0 => new Recipient(Username: username),
        ['p', ':', .. var phone] when phone.Length > 0 => new Recipient(Phone: phone),
        ['e', ':', .. var address] when address.Length > 0 => new Recipient(Fields: new Dictionary<string, string> { [Recipient.EmailField] = address }),
        _ => null,
    };
}
