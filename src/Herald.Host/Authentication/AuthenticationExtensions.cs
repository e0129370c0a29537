using Herald.Host.Hosting;
using Herald.Host.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Herald.Host.Authentication;

/// <summary>Registers Herald's authentication (JWT bearer and API keys) and the authenticated-by-default policy.</summary>
public static class AuthenticationExtensions
{
    /// <summary>Binds and validates <see cref="HeraldAuthOptions"/> (and the development secret); used by the host and the <c>token</c> command.</summary>
    public static IServiceCollection AddHeraldAuthOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHeraldHostOptions(configuration);
        services.AddOptions<HeraldAuthOptions>().Bind(configuration.GetSection(HeraldAuthOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HeraldAuthOptions>, DevelopmentSigningSecret>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HeraldAuthOptions>, HeraldAuthOptionsValidator>());
        return services;
    }

    /// <summary>
    /// Adds the <c>Bearer</c> and <c>ApiKey</c> schemes behind a selector (Authorization header → Bearer, otherwise
    /// X-Api-Key → ApiKey), the tenant accessor, and a fallback policy: every endpoint needs an authenticated tenant
    /// unless it allows anonymous access, and a read-only API key may only read (<see cref="ReadOnlyAccess"/>).
    /// </summary>
    public static IHostApplicationBuilder AddHeraldAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHeraldAuthOptions(builder.Configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningKeyProvider>();
        services.TryAddSingleton<JwtTokenValidator>();
        services.TryAddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
        services.AddHttpClient(SigningKeyProvider.JwksHttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.AddHeraldTenancy();

        services.AddAuthentication(HeraldAuthenticationDefaults.SelectorScheme)
            .AddPolicyScheme(HeraldAuthenticationDefaults.SelectorScheme, "Bearer token or API key", options =>
                options.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, JwtBearerHandler>(HeraldAuthenticationDefaults.BearerScheme, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(HeraldAuthenticationDefaults.ApiKeyScheme, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(HeraldClaimTypes.Tenant)
                .AddRequirements(new ReadOnlyAccess())
                .Build());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, ReadOnlyAccessHandler>());
        return builder;
    }

    private static string SelectScheme(HttpContext context) =>
        !context.Request.Headers.ContainsKey(HeaderNames.Authorization)
        && context.Request.Headers.ContainsKey(HeraldAuthenticationDefaults.ApiKeyHeader)
            ? HeraldAuthenticationDefaults.ApiKeyScheme
            : HeraldAuthenticationDefaults.BearerScheme;
}
