using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Herald.Host.Authentication;

/// <summary>
/// Part of the fallback policy: a read-only caller (a read-only API key, <see cref="HeraldClaimTypes.ReadOnly"/>) may send
/// GET and HEAD (status, reports, lists); any other method (create, change, control, delete) answers 403 problem details.
/// </summary>
public sealed class ReadOnlyAccess : IAuthorizationRequirement
{
    /// <summary>The 403 detail a read-only caller gets.</summary>
    public const string Refusal = "This API key is read-only: it may read status and reports (GET) but not create, change or control anything.";

    /// <summary>True when <paramref name="user"/> may only read.</summary>
    public static bool IsReadOnly(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(HeraldClaimTypes.ReadOnly, "true");
    }

    /// <summary>True when <paramref name="method"/> only reads.</summary>
    public static bool Reads(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}

/// <summary>Checks <see cref="ReadOnlyAccess"/> against the request's method.</summary>
internal sealed class ReadOnlyAccessHandler(IHttpContextAccessor accessor) : AuthorizationHandler<ReadOnlyAccess>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadOnlyAccess requirement)
    {
        var method = (context.Resource as HttpContext ?? accessor.HttpContext)?.Request.Method;
        if (!ReadOnlyAccess.IsReadOnly(context.User) || (method is not null && ReadOnlyAccess.Reads(method)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
