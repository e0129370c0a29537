using Herald.Core.Limits;
using Herald.Engine.Accounts;
using Herald.Host.Accounts;
using Herald.Host.Audit;
using Herald.Host.Integrations;
using Herald.Host.OpenApi;
using Herald.Host.Resources;
using Herald.Host.Tenancy;
using Herald.Host.Validation;
using Herald.Platforms.Abstractions;
using Herald.Platforms.TelegramBot;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Host.Apis;

/// <summary>
/// <c>/api/accounts</c>: register Telegram bots (token) and user accounts (session reference), import user accounts from
/// integration-service, list them with live
/// status, cooldowns and limits, set an account's own stricter limits (R16, R35), disable, enable, remove (with the
/// secret), and check admin rights in a chat (R12). Another
/// tenant's account id answers 404. Credentials are never answered, only masked.
/// </summary>
public static class AccountsApi
{
    private const string Resource = "account";

    /// <summary>Maps the account endpoints.</summary>
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags(ApiTags.Accounts).ProducesApiProblems();
        group.MapPost("/telegram-bots", RegisterBotAsync).WithName("RegisterTelegramBot").WithSummary("Registers a bot by its token (checked with getMe).")
            .ProducesProblems(
                StatusCodes.Status409Conflict,
                StatusCodes.Status429TooManyRequests,
                StatusCodes.Status502BadGateway,
                StatusCodes.Status504GatewayTimeout);
        group.MapPost("/telegram-users", RegisterUserAsync).WithName("RegisterTelegramUser")
            .WithSummary("Registers a user account by a reference to its existing session, or starts its login by phone (TDLib).")
            .ProducesProblems(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/login", StartLoginAsync).WithName("StartTelegramUserLogin")
            .WithSummary("Starts the login of a user account that has no session yet (login_required, e.g. imported): TDLib sends the code.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id}/login/code", SubmitLoginCodeAsync).WithName("SubmitTelegramUserLoginCode").WithSummary("Submits the login code Telegram sent.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id}/login/password", SubmitLoginPasswordAsync).WithName("SubmitTelegramUserLoginPassword").WithSummary("Submits the two-step verification password.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/import", ImportAsync).WithName("ImportAccounts")
            .WithSummary("Takes over the tenant's Telegram user accounts from integration-service (credentials by secret reference; idempotent).")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status502BadGateway, StatusCodes.Status503ServiceUnavailable);
        group.MapGet("", ListAsync).WithName("ListAccounts").WithSummary("The tenant's accounts with live status and cooldowns.");
        group.MapGet("/{id}", GetAsync).WithName("GetAccount").WithSummary("One account with its live status.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/disable", DisableAsync).WithName("DisableAccount").WithSummary("Stops giving the account work (idempotent).")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{id}/limits", SetLimitsAsync).WithName("SetAccountLimits").WithSummary("Replaces the account's own, stricter limits ({} clears them; idempotent).")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/enable", EnableAsync).WithName("EnableAccount").WithSummary("Lets the account work again (idempotent).")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", RemoveAsync).WithName("RemoveAccount").WithSummary("Removes the account and deletes its secret.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/check-admin", CheckAdminAsync).WithName("CheckAccountAdminRights").WithSummary("Whether the account is an admin of a chat with invite rights (R12).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>
    /// 201 with the account, the bot's id and username and the masked token; 400 when Telegram rejects the token; 409 when
    /// the bot is registered already, by this tenant or (without saying which) another one: a bot belongs to one tenant.
    /// </summary>
    internal static Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> RegisterBotAsync(
        ValidatedJson<RegisterTelegramBotRequest> body, ITenantContext tenant, AccountRegistration registration, TelegramBotApi telegram, CancellationToken cancellationToken) =>
        registration.RegisterBotAsync(tenant, body.Value, telegram, cancellationToken);

    /// <summary>
    /// 201 with the account. With <c>phone</c>: the account is registered disabled and <c>login.state</c> says what TDLib
    /// waits for (<c>waitCode</c>); 400 naming <c>phone</c> when Telegram refuses it.
    /// </summary>
    internal static Task<Results<Created<RegisteredAccount>, ValidationProblem, ProblemHttpResult>> RegisterUserAsync(
        ValidatedJson<RegisterTelegramUserRequest> body, ITenantContext tenant, AccountRegistration registration, TelegramUserLoginFlow login, CancellationToken cancellationToken) =>
        body.Value.Phone is null
            ? registration.RegisterUserAsync(tenant, body.Value, cancellationToken)
            : login.StartAsync(tenant, body.Value, cancellationToken);

    /// <summary>200 with what the login waits for (<c>waitCode</c>); 404; 409 when the account does not wait for a login; 400 naming <c>phone</c> when Telegram refuses it.</summary>
    internal static Task<Results<Ok<TelegramUserLoginResponse>, ValidationProblem, ProblemHttpResult>> StartLoginAsync(
        string id, ITenantContext tenant, TelegramUserLoginFlow login, CancellationToken cancellationToken) =>
        login.StartExistingAsync(tenant, id, cancellationToken);

    /// <summary>200 with the login's next state (<c>waitPassword</c> or <c>ready</c>); 400 naming <c>code</c> when it is wrong; 409 without a login waiting.</summary>
    internal static Task<Results<Ok<TelegramUserLoginResponse>, ValidationProblem, ProblemHttpResult>> SubmitLoginCodeAsync(
        string id, ValidatedJson<TelegramUserCodeRequest> body, ITenantContext tenant, TelegramUserLoginFlow login, CancellationToken cancellationToken) =>
        login.SubmitCodeAsync(tenant, id, body.Value.Code, cancellationToken);

    /// <summary>200 with the login's next state (<c>ready</c>); 400 naming <c>password</c> when it is wrong; 409 without a login waiting.</summary>
    internal static Task<Results<Ok<TelegramUserLoginResponse>, ValidationProblem, ProblemHttpResult>> SubmitLoginPasswordAsync(
        string id, ValidatedJson<TelegramUserPasswordRequest> body, ITenantContext tenant, TelegramUserLoginFlow login, CancellationToken cancellationToken) =>
        login.SubmitPasswordAsync(tenant, id, body.Value.Password, cancellationToken);

    /// <summary>
    /// 200 with the accounts imported now, those imported before and those left out (with a reason code); 409 naming the
    /// service when integration-service is not configured; 502 when it refuses Herald's key or answers nonsense; 503 when it
    /// cannot be reached after the retries.
    /// </summary>
    internal static async Task<Results<Ok<ImportAccountsResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        ValidatedJson<ImportAccountsRequest> body, ITenantContext tenant, AccountImport import, CancellationToken cancellationToken)
    {
        var (result, failure) = await import.ImportAsync(tenant, body.Value, cancellationToken);
        return result is null ? ServiceProblems.From(failure!) : TypedResults.Ok(result);
    }

    /// <summary>Every account of the tenant.</summary>
    internal static async Task<Ok<AccountList>> ListAsync(ITenantContext tenant, AccountService accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AccountList(await accounts.ListAsync(tenant.TenantId, cancellationToken)));

    /// <summary>The account.</summary>
    internal static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAsync(string id, ITenantContext tenant, AccountService accounts, CancellationToken cancellationToken)
    {
        var view = ResourceIds.IsValid(id) ? await accounts.GetAsync(tenant.TenantId, id, cancellationToken) : null;
        return view is null ? NotFound(id) : TypedResults.Ok(view);
    }

    /// <summary>The account, now disabled.</summary>
    internal static Task<Results<Ok<AccountView>, ProblemHttpResult>> DisableAsync(
        string id, ITenantContext tenant, AccountService accounts, IAuditLog audit, CancellationToken cancellationToken) =>
        SetDisabledAsync(id, true, tenant, accounts, audit, cancellationToken);

    /// <summary>The account, now enabled (it looks for work at once); 409 while it waits for its login (it could not act).</summary>
    internal static async Task<Results<Ok<AccountView>, ProblemHttpResult>> EnableAsync(
        string id, ITenantContext tenant, AccountService accounts, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (ResourceIds.IsValid(id) && await accounts.GetRecordAsync(tenant.TenantId, id, cancellationToken) is { LoginRequired: true })
        {
            return ProblemFactory.Conflict(
                $"Account {id} has no logged-in session yet: log it in (POST /api/accounts/{id}/login, then …/login/code); it is enabled then.",
                new Dictionary<string, object?> { ["accountStatus"] = AccountService.LoginRequiredStatus });
        }

        return await SetDisabledAsync(id, false, tenant, accounts, audit, cancellationToken);
    }

    /// <summary>
    /// The account with its new limits. The body replaces the account's own limits (a value left out is the configured
    /// one); 400 names each value that would loosen a configured limit.
    /// </summary>
    internal static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> SetLimitsAsync(
        string id, ValidatedJson<LimitSettings> body, ITenantContext tenant, AccountService accounts, PlatformLimits limits, IAuditLog audit, CancellationToken cancellationToken)
    {
        var account = ResourceIds.IsValid(id) ? await accounts.GetRecordAsync(tenant.TenantId, id, cancellationToken) : null;
        if (account is null)
        {
            return NotFound(id);
        }

        var errors = AccountLimitRules.Validate("", body.Value, account.Platform, account.Kind, limits);
        if (!errors.IsEmpty)
        {
            return ProblemFactory.Validation(errors);
        }

        var overrides = body.Value.ToOverrides();
        var view = await accounts.SetOverridesAsync(tenant.TenantId, id, overrides, cancellationToken);
        if (view is null)
        {
            return NotFound(id);
        }

        await audit.RecordAsync(tenant, "account.limits", Resource, id, new Dictionary<string, string> { ["limits"] = AccountLimitRules.AuditText(overrides) }, cancellationToken);
        return TypedResults.Ok(view);
    }

    /// <summary>204; its live tick becomes stale and its campaigns continue with the other accounts; a bot is free for another tenant.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string id, ITenantContext tenant, AccountService accounts, AccountOwnership ownership, ISecretStore secrets, IAuditLog audit, CancellationToken cancellationToken)
    {
        var account = ResourceIds.IsValid(id) ? await accounts.GetRecordAsync(tenant.TenantId, id, cancellationToken) : null;
        if (account is null || !await accounts.RemoveAsync(tenant.TenantId, id, cancellationToken))
        {
            return NotFound(id);
        }

        await secrets.DeleteAsync(account.SecretReference, cancellationToken);
        await ownership.ReleaseAsync(tenant.TenantId, id, cancellationToken);
        await audit.RecordAsync(tenant, "account.remove", Resource, id, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Asks the platform whether the account may invite into the chat, holding the account's lease (its session is never
    /// opened while its worker acts); 409 when no adapter serves the account's kind here, or while the account is at work
    /// (with <c>busyUntil</c>: try again then).
    /// </summary>
    internal static async Task<Results<Ok<AdminCheckResponse>, ValidationProblem, ProblemHttpResult>> CheckAdminAsync(
        string id, ValidatedJson<CheckAdminRequest> body, ITenantContext tenant, AccountService accounts, AccountAdminRights rights, CancellationToken cancellationToken)
    {
        var account = ResourceIds.IsValid(id) ? await accounts.GetRecordAsync(tenant.TenantId, id, cancellationToken) : null;
        if (account is null)
        {
            return NotFound(id);
        }

        var chat = body.Value.Chat.Trim();
        var result = await rights.CheckAsync(account, chat, cancellationToken);
        return result.State switch
        {
            AccountAdminRightsState.Checked => TypedResults.Ok(new AdminCheckResponse(id, chat, result.Check!.IsAdmin, result.Check.CanInviteUsers, result.Check.Problem)),
            AccountAdminRightsState.NoAdapter => ProblemFactory.Conflict($"No platform adapter serves {account.Platform} {account.Kind.ToString().ToLowerInvariant()} accounts in this host yet."),
            AccountAdminRightsState.Busy => AccountBusy(id, result.BusyUntil!.Value),
            _ => NotFound(id),
        };
    }

    /// <summary>409 for an account whose worker holds it: its session may be open there, so it is not opened here.</summary>
    internal static ProblemHttpResult AccountBusy(string id, DateTimeOffset busyUntil) => ProblemFactory.Conflict(
        $"Account {id} is at work now (its worker holds it); its rights are checked only while it is free, so that its session is never opened twice. Try again after busyUntil.",
        new Dictionary<string, object?> { ["accountId"] = id, ["busyUntil"] = busyUntil });

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> SetDisabledAsync(
        string id, bool disabled, ITenantContext tenant, AccountService accounts, IAuditLog audit, CancellationToken cancellationToken)
    {
        var view = ResourceIds.IsValid(id) ? await accounts.SetDisabledAsync(tenant.TenantId, id, disabled, cancellationToken) : null;
        if (view is null)
        {
            return NotFound(id);
        }

        await audit.RecordAsync(tenant, disabled ? "account.disable" : "account.enable", Resource, id, cancellationToken: cancellationToken);
        return TypedResults.Ok(view);
    }

    private static ProblemHttpResult NotFound(string id) => ProblemFactory.NotFound(ResourceIds.IsValid(id) ? $"No account {id}." : "No such account.");
}
