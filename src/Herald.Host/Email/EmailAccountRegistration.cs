using System.Security.Cryptography;
using System.Text;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Accounts;
using Herald.Host.Accounts;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.Email;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Host.Email;

/// <summary>
/// Registers an SMTP mailbox of a configured provider as an e-mail account (<c>email-{hash of provider and login}</c>,
/// a user account that warms up): the credentials go to the secret store with the registration time (the provider's
/// warm-up ramp counts from it), the row keeps only the reference.
/// </summary>
internal sealed class EmailAccountRegistration(AccountRegistration registration, IOptions<EmailOptions> email, PlatformLimits limits, TimeProvider time)
{
    public async Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        ITenantContext tenant, RegisterEmailAccountRequest request, CancellationToken cancellationToken)
    {
        var errors = AccountLimitRules.Validate("limits", request.Limits, PlatformKind.Email, AccountKind.User, limits);
        if (!email.Value.Providers.TryGetValue(request.Provider.Trim(), out _))
        {
            errors.Add("provider", $"Unknown provider; configured: {string.Join(", ", email.Value.Providers.Keys.Order(StringComparer.Ordinal))}.");
        }

        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var provider = email.Value.Providers.Keys.First(k => string.Equals(k, request.Provider.Trim(), StringComparison.OrdinalIgnoreCase));
        var login = request.Username.Trim();
        var id = "email-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(provider.ToLowerInvariant() + "\n" + login.ToLowerInvariant())))[..16];
        var credentials = new EmailCredentials(provider, login, request.Password, request.Sender, request.FromName, time.GetUtcNow());
        var account = new NewAccount(tenant.TenantId, id, PlatformKind.Email, AccountKind.User, "", request.Name ?? request.Sender, request.Limits?.ToOverrides(), request.WarmUp);
        var created = await registration.RegisterAsync(tenant, account, credentials.ToSecret(), cancellationToken);
        return created is null
            ? ProblemFactory.Conflict($"This mailbox is already registered as account {id}.")
            : TypedResults.Created($"/api/accounts/{id}", new RegisteredAccount(created, null, null, "(password stored)"));
    }
}
