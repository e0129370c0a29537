using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Accounts;
using Herald.Host.Accounts;
using Herald.Host.Secrets;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.WhatsAppCloud;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.WhatsApp;

/// <summary>
/// Registers a WhatsApp Cloud API business number: the token is first checked with the Cloud API (the number's
/// <c>quality_rating</c>; a RED number is refused), the credentials go to the secret store, and the account id is
/// <c>wa-{phone-number id}</c>, owned by one tenant only (the number's limits are the number's, and its webhooks must
/// find one tenant).
/// </summary>
internal sealed class WhatsAppNumberRegistration(AccountRegistration registration, AccountService accounts, AccountOwnership ownership, PlatformLimits limits)
{
    public async Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        ITenantContext tenant, RegisterWhatsAppNumberRequest request, WhatsAppCloudApi api, CancellationToken cancellationToken)
    {
        var errors = AccountLimitRules.Validate("limits", request.Limits, PlatformKind.WhatsApp, AccountKind.Bot, limits);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var credentials = new WhatsAppCredentials(request.PhoneNumberId.Trim(), request.AccessToken.Trim());
        var (rating, error) = await api.GetQualityRatingAsync(credentials, cancellationToken);
        if (error is not null)
        {
            return error switch
            {
                { Code: 190 } or { HttpStatus: 401 } => ProblemFactory.Validation("accessToken", "The Cloud API refused the access token (expired or revoked)."),
                { HttpStatus: 400 or 404 } => ProblemFactory.Validation("phoneNumberId", "The Cloud API does not know this phone-number id for the token."),
                { Source: WhatsAppErrorSource.Timeout } => ProblemFactory.Upstream(StatusCodes.Status504GatewayTimeout, "The Cloud API did not answer in time."),
                _ => ProblemFactory.Upstream(StatusCodes.Status502BadGateway, "The number could not be checked with the Cloud API; try again."),
            };
        }

        if (string.Equals(rating, "RED", StringComparison.OrdinalIgnoreCase))
        {
            return ProblemFactory.Validation("phoneNumberId", "The number's quality rating is RED: Herald does not send through it.");
        }

        var id = WhatsAppWebhookHandler.AccountIdOf(credentials.PhoneNumberId);
        var claim = await ownership.ClaimAsync(tenant.TenantId, id, async (owner, ct) => await accounts.GetAsync(owner, id, ct) is not null, cancellationToken);
        if (claim == OwnershipClaim.OwnedElsewhere)
        {
            return ProblemFactory.Conflict("This number is registered by another tenant. A number belongs to one tenant only.");
        }

        var account = new NewAccount(tenant.TenantId, id, PlatformKind.WhatsApp, AccountKind.Bot, "", request.Name, request.Limits?.ToOverrides());
        var created = await registration.RegisterAsync(tenant, account, credentials.ToSecret(), cancellationToken);
        if (created is null && claim == OwnershipClaim.Claimed && await accounts.GetAsync(tenant.TenantId, id, CancellationToken.None) is null)
        {
            await ownership.ReleaseAsync(tenant.TenantId, id, CancellationToken.None);
        }

        return created is null
            ? ProblemFactory.Conflict($"This number is already registered as account {id}.")
            : TypedResults.Created($"/api/accounts/{id}", new RegisteredAccount(created, null, null, SecretMasker.Mask(credentials.AccessToken)));
    }
}
