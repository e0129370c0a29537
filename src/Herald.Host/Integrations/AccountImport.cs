using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Herald.Core.Domain;
using Herald.Engine.Accounts;
using Herald.Host.Accounts;
using Herald.Host.Audit;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser;

namespace Herald.Host.Integrations;

/// <summary>
/// Takes over a tenant's accounts from integration-service (R8). Each Telegram user account becomes a Herald account with
/// a stable id (<c>tg-user-i{hash of tenant and external id}</c>, so importing again changes nothing); its credentials are
/// read through the secret reference integration-service gives and stored as the account's own secret (so removing the
/// account in Herald never deletes integration-service's secret). No credential reaches a table, a log or the answer.
/// integration-service hands over credentials, not a TDLib session (a session is a database directory that moves only
/// while closed), so an imported account starts <c>login_required</c>: it takes no work, the campaigns that could use it
/// say <c>accounts_need_login</c>, and <c>POST /api/accounts/{id}/login</c> then <c>…/login/code</c> log it in.
/// </summary>
internal sealed class AccountImport(
    IntegrationServiceClient integration, AccountRegistration registration, AccountService accounts, IntegrationLinks links, ISecretStore secrets,
    IAuditLog audit, ILogger<AccountImport> logger)
{
    public async Task<(ImportAccountsResponse? Result, ServiceFailure? Failure)> ImportAsync(
        ITenantContext tenant, ImportAccountsRequest request, CancellationToken cancellationToken = default)
    {
        var (listed, failure) = await integration.ListAccountsAsync(tenant.TenantId, request.Platform, cancellationToken);
        if (listed is null)
        {
            return (null, failure);
        }

        var imported = new List<ImportedAccount>();
        var existing = new List<ImportedAccount>();
        var skipped = new List<SkippedAccount>();
        foreach (var account in listed)
        {
            var (id, skip) = Check(tenant.TenantId, account);
            if (skip is not null)
            {
                skipped.Add(skip);
                continue;
            }

            var externalId = account!.Id!;
            var entry = new ImportedAccount(id!, externalId, account.Name);
            if (await accounts.GetAsync(tenant.TenantId, id!, cancellationToken) is not null)
            {
                existing.Add(entry);
                continue;
            }

            var credential = await secrets.GetAsync(account.Credentials!.SecretRef!, cancellationToken);
            if (credential is null)
            {
                skipped.Add(new SkippedAccount(externalId, "secret_missing"));
                continue;
            }

            if (TelegramUserCredentials.Parse(credential) is null)
            {
                skipped.Add(new SkippedAccount(externalId, "credentials_unusable"));
                continue;
            }

            await links.LinkAsync(tenant.TenantId, id!, externalId, cancellationToken);
            var created = await registration.RegisterAsync(
                tenant, new NewAccount(tenant.TenantId, id, PlatformKind.Telegram, AccountKind.User, "", account.Name, null, request.WarmUp, account.Proxy, LoginRequired: true), credential, cancellationToken);
            (created is null ? existing : imported).Add(entry);
        }

        Log.AccountsImported(logger, tenant.TenantId, imported.Count, existing.Count, skipped.Count);
        await audit.RecordAsync(tenant, "account.import", "account", "integration-service", new Dictionary<string, string>
        {
            ["imported"] = imported.Count.ToString(CultureInfo.InvariantCulture),
            ["existing"] = existing.Count.ToString(CultureInfo.InvariantCulture),
            ["skipped"] = skipped.Count.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        return (new ImportAccountsResponse(imported, existing, skipped), null);
    }

    /// <summary>Herald's id of an imported account.</summary>
    public static string AccountIdOf(string tenantId, string externalId) =>
        "tg-user-i" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId + "\n" + externalId)))[..16];

    // The same rules as registering by hand: a label and a proxy Herald accepts.
    private static (string? Id, SkippedAccount? Skip) Check(string tenantId, ConnectedAccount? account)
    {
        if (account?.Id is not { Length: > 0 and <= 200 } externalId)
        {
            return (null, new SkippedAccount(null, "malformed"));
        }

        if (string.Equals(account.Status, "banned", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new SkippedAccount(externalId, "banned"));
        }

        if (!string.Equals(account.Type, "user", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new SkippedAccount(externalId, "unsupported_type"));
        }

        if (account.Credentials?.SecretRef is not { Length: > 0 })
        {
            return (null, new SkippedAccount(externalId, "no_credentials"));
        }

        var errors = new ValidationErrors();
        new RegisterTelegramUserRequest { Session = "-", Name = account.Name, Proxy = account.Proxy }.Validate(errors);
        if (!errors.IsEmpty)
        {
            return (null, new SkippedAccount(externalId, "invalid", errors.ToDictionary().Keys.First()));
        }

        return (AccountIdOf(tenantId, externalId), null);
    }
}
