using System.Security.Cryptography;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Engine.Accounts;
using Herald.Host.Audit;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramUser;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Host.Accounts;

/// <summary>
/// Logging a Telegram user account in through TDLib: the account is registered disabled with its credentials
/// (api_id/api_hash, phone, a fresh <c>database_encryption_key</c>) in the secret store, TDLib is asked to send the code,
/// and the answer says what it waits for; the account is enabled once TDLib is ready. A login in progress lives in
/// the process that started it (a restart means starting again).
/// </summary>
internal sealed class TelegramUserLoginFlow(
    AccountRegistration registration, AccountService accounts, ISecretStore secrets, TelegramUserLogins logins,
    IOptions<TelegramUserOptions> options, IAuditLog audit, PlatformLimits limits)
{
    private const string Resource = "account";

    public async Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> StartAsync(
        ITenantContext tenant, RegisterTelegramUserRequest request, CancellationToken cancellationToken)
    {
        var errors = AccountLimitRules.Validate("limits", request.Limits, PlatformKind.Telegram, AccountKind.User, limits);
        var apiId = request.ApiId ?? options.Value.ApiId;
        var apiHash = request.ApiHash ?? options.Value.ApiHash;
        if (apiId is null)
        {
            errors.Add("apiId", "No api_id: give apiId, or configure Herald:TelegramUser:ApiId.");
        }

        if (string.IsNullOrWhiteSpace(apiHash))
        {
            errors.Add("apiHash", "No api_hash: give apiHash, or configure Herald:TelegramUser:ApiHash.");
        }

        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var credentials = TelegramUserCredentials.Create(apiId!.Value, apiHash!, request.Phone!);
        var id = "tg-user-" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var account = new NewAccount(tenant.TenantId, id, PlatformKind.Telegram, AccountKind.User, "", request.Name, request.Limits?.ToOverrides(), request.WarmUp, request.Proxy);
        if (await registration.RegisterAsync(tenant, account, credentials.Serialize(), cancellationToken) is null)
        {
            return ProblemFactory.Conflict($"Account {id} exists already; try again.");
        }

        // Not usable before TDLib is ready: the engine gives a disabled account no work.
        await accounts.SetDisabledAsync(tenant.TenantId, id, true, cancellationToken);
        var step = await logins.StartAsync(tenant.TenantId, id, credentials, cancellationToken);
        if (step.State == TelegramUserLoginState.Failed)
        {
            await RemoveAsync(tenant.TenantId, id);
            return ProblemFactory.Validation("phone", $"Telegram refused the login ({step.Error}).");
        }

        var view = await AfterStepAsync(tenant, id, step, cancellationToken);
        return TypedResults.Created($"/api/accounts/{id}", new RegisteredAccount(view!, null, null, "(session stored)", View(step)));
    }

    /// <summary>
    /// Starts the login of a registered account that has no session yet (<c>login_required</c>, e.g. imported from
    /// integration-service) with the credentials in its secret: TDLib is asked to send the code to its phone. 404 for no
    /// such user account; 409 when it does not wait for a login (its session exists: a second login would open it beside
    /// its worker's) or its secret holds no usable credentials; 400 naming <c>phone</c> when Telegram refuses it.
    /// </summary>
    public async Task<Results<Ok<TelegramUserLoginResponse>, ValidationProblem, ProblemHttpResult>> StartExistingAsync(
        ITenantContext tenant, string id, CancellationToken cancellationToken)
    {
        var account = ResourceIds.IsValid(id) ? await accounts.GetRecordAsync(tenant.TenantId, id, cancellationToken) : null;
        if (account is null || account.Kind != AccountKind.User)
        {
            return ProblemFactory.NotFound(ResourceIds.IsValid(id) ? $"No user account {id}." : "No such account.");
        }

        if (!account.LoginRequired)
        {
            return ProblemFactory.Conflict($"Account {id} does not wait for a login (it has its session).");
        }

        var credentials = TelegramUserCredentials.Parse(await secrets.GetAsync(account.SecretReference, cancellationToken));
        if (credentials is null)
        {
            return ProblemFactory.Conflict($"Account {id} has no usable credentials in its secret; import it again or register it by phone.");
        }

        var step = await logins.StartAsync(tenant.TenantId, id, credentials, cancellationToken);
        if (step.State == TelegramUserLoginState.Failed)
        {
            return ProblemFactory.Validation("phone", $"Telegram refused the login ({step.Error}).");
        }

        var view = await AfterStepAsync(tenant, id, step, cancellationToken);
        return TypedResults.Ok(new TelegramUserLoginResponse(view!, View(step)));
    }

    public Task<Results<Ok<TelegramUserLoginResponse>, ValidationProblem, ProblemHttpResult>> SubmitCodeAsync(
        ITenantContext tenant, string id, string code, CancellationToken cancellationToken) =>
        SubmitAsync(tenant, id, "code", (t, a, ct) => logins.SubmitCodeAsync(t, a, code.Trim(), ct), cancellationToken);

    public Task<Results<Ok<TelegramUserLoginResponse>, ValidationProblem, ProblemHttpResult>> SubmitPasswordAsync(
        ITenantContext tenant, string id, string password, CancellationToken cancellationToken) =>
        SubmitAsync(tenant, id, "password", (t, a, ct) => logins.SubmitPasswordAsync(t, a, password, ct), cancellationToken);

    private async Task<Results<Ok<TelegramUserLoginResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        ITenantContext tenant, string id, string field, Func<string, string, CancellationToken, Task<TelegramUserLoginStep>> submit, CancellationToken cancellationToken)
    {
        var account = ResourceIds.IsValid(id) ? await accounts.GetRecordAsync(tenant.TenantId, id, cancellationToken) : null;
        if (account is null || account.Kind != AccountKind.User)
        {
            return ProblemFactory.NotFound(ResourceIds.IsValid(id) ? $"No user account {id}." : "No such account.");
        }

        var step = await submit(tenant.TenantId, id, cancellationToken);
        if (step.State == TelegramUserLoginState.Failed)
        {
            return ProblemFactory.Conflict($"No login of {id} is waiting for a {field} here ({step.Error}); start it again with POST /api/accounts/telegram-users.");
        }

        if (step.Error is { } error && error != "unexpected_step")
        {
            return ProblemFactory.Validation(field, $"Telegram refused the {field} ({error}); the login still waits for it.");
        }

        var view = await AfterStepAsync(tenant, id, step, cancellationToken);
        return TypedResults.Ok(new TelegramUserLoginResponse(view!, View(step)));
    }

    private async Task<AccountView?> AfterStepAsync(ITenantContext tenant, string id, TelegramUserLoginStep step, CancellationToken cancellationToken)
    {
        if (step.State != TelegramUserLoginState.Ready)
        {
            return await accounts.GetAsync(tenant.TenantId, id, cancellationToken);
        }

        var view = await accounts.CompleteLoginAsync(tenant.TenantId, id, cancellationToken);
        await audit.RecordAsync(tenant, "account.login", Resource, id, cancellationToken: cancellationToken);
        return view;
    }

    private async Task RemoveAsync(string tenantId, string id)
    {
        var record = await accounts.GetRecordAsync(tenantId, id, CancellationToken.None);
        await accounts.RemoveAsync(tenantId, id, CancellationToken.None);
        if (record is not null)
        {
            await secrets.DeleteAsync(record.SecretReference, CancellationToken.None);
        }
    }

    private static TelegramUserLoginView View(TelegramUserLoginStep step) => new(
        step.State switch
        {
            TelegramUserLoginState.WaitCode => "waitCode",
            TelegramUserLoginState.WaitPassword => "waitPassword",
            TelegramUserLoginState.Ready => "ready",
            _ => "failed",
        },
        step.Error);
}
