using System.Security.Cryptography;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Accounts;
using Herald.Host.Audit;
using Herald.Host.Secrets;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramBot;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Accounts;

/// <summary>
/// Registers accounts: the credential goes to <see cref="ISecretStore"/> under a fresh name, the account row keeps only
/// the reference (R29). A bot's token is first checked with Telegram (<c>getMe</c>), which also gives the bot's id; its
/// account id is <c>tg-bot-{bot id}</c>, so a bot is registered once per tenant. A user account is registered from a
/// reference to an existing session: Herald never creates or logs in accounts (R37). Its own limits, if given, are
/// checked first (only stricter than the configured ones, R35).
/// </summary>
internal sealed class AccountRegistration(AccountService accounts, AccountOwnership ownership, ISecretStore secrets, IAuditLog audit, PlatformLimits limits)
{
    private const string Resource = "account";
    private const string LimitsField = "limits";

    public async Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> RegisterBotAsync(
        ITenantContext tenant, RegisterTelegramBotRequest request, TelegramBotApi telegram, CancellationToken cancellationToken)
    {
        var errors = AccountLimitRules.Validate(LimitsField, request.Limits, PlatformKind.Telegram, AccountKind.Bot, limits);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var token = TelegramBotToken.Parse(request.Token);
        var me = await telegram.GetMeAsync(token, cancellationToken);
        if (!me.IsOk)
        {
            return me.Error switch
            {
                { Source: TelegramErrorSource.Api, ErrorCode: 401 or 404 } => ProblemFactory.Validation("token", "Telegram rejected the token (it is revoked or was never issued)."),
                { IsRateLimited: true } => ProblemFactory.TooManyRequests("Telegram asks to slow down; try again shortly.", me.Error.RetryAfter ?? TimeSpan.FromSeconds(1)),
                { Source: TelegramErrorSource.Timeout } => ProblemFactory.Upstream(StatusCodes.Status504GatewayTimeout, "Telegram did not answer in time; the token could not be checked."),
                _ => ProblemFactory.Upstream(StatusCodes.Status502BadGateway, "The token could not be checked with Telegram; try again."),
            };
        }

        if (!me.Value.IsBot)
        {
            return ProblemFactory.Validation("token", "Telegram says the token does not belong to a bot.");
        }

        var id = $"tg-bot-{me.Value.Id}";
        var name = request.Name ?? (me.Value.Username is { } username ? "@" + username : null);
        var claim = await ownership.ClaimAsync(tenant.TenantId, id, async (owner, ct) => await accounts.GetAsync(owner, id, ct) is not null, cancellationToken);
        if (claim == OwnershipClaim.OwnedElsewhere)
        {
            return ProblemFactory.Conflict("This bot is registered by another tenant. A bot belongs to one tenant only: Telegram's limits are per bot.");
        }

        var created = await RegisterAsync(tenant, new NewAccount(tenant.TenantId, id, PlatformKind.Telegram, AccountKind.Bot, "", name, request.Limits?.ToOverrides(), request.WarmUp), request.Token.Trim(), cancellationToken);
        if (created is null && claim == OwnershipClaim.Claimed && await accounts.GetAsync(tenant.TenantId, id, CancellationToken.None) is null)
        {
            await ownership.ReleaseAsync(tenant.TenantId, id, CancellationToken.None);
        }

        return created is null
            ? ProblemFactory.Conflict($"This bot is already registered as account {id}.")
            : TypedResults.Created($"/api/accounts/{id}", new RegisteredAccount(created, me.Value.Id, me.Value.Username, SecretMasker.Mask(request.Token.Trim())));
    }

    public async Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> RegisterUserAsync(
        ITenantContext tenant, RegisterTelegramUserRequest request, CancellationToken cancellationToken)
    {
        var errors = AccountLimitRules.Validate(LimitsField, request.Limits, PlatformKind.Telegram, AccountKind.User, limits);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var id = "tg-user-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var account = new NewAccount(tenant.TenantId, id, PlatformKind.Telegram, AccountKind.User, "", request.Name, request.Limits?.ToOverrides(), request.WarmUp, request.Proxy);
        var created = await RegisterAsync(tenant, account, request.Session, cancellationToken);
        return created is null
            ? ProblemFactory.Conflict($"Account {id} exists already; try again.")
            : TypedResults.Created($"/api/accounts/{id}", new RegisteredAccount(created, null, null, "(session stored)"));
    }

    internal async Task<AccountView?> RegisterAsync(ITenantContext tenant, NewAccount account, string credential, CancellationToken cancellationToken)
    {
        var id = account.AccountId!;
        if (await accounts.GetAsync(tenant.TenantId, id, cancellationToken) is not null)
        {
            return null;
        }

        // A fresh secret name per registration: a refused registration never overwrites the credential of an account that exists.
        var reference = await secrets.SetAsync(tenant.TenantId, $"{id}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}", credential, cancellationToken);
        if (await accounts.RegisterAsync(account with { SecretReference = reference }, cancellationToken) is null)
        {
            await secrets.DeleteAsync(reference, CancellationToken.None);
            return null;
        }

        var details = new Dictionary<string, string>
        {
            ["platform"] = account.Platform.ToString().ToLowerInvariant(),
            ["kind"] = account.Kind.ToString().ToLowerInvariant(),
        };
        if (account.Overrides is not null)
        {
            details["limits"] = AccountLimitRules.AuditText(account.Overrides);
        }

        await audit.RecordAsync(tenant, "account.register", Resource, id, details, cancellationToken);
        return await accounts.GetAsync(tenant.TenantId, id, cancellationToken);
    }
}
