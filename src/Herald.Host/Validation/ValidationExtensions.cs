using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Herald.Host.Validation;

/// <summary>Registers problem details, the API's JSON conventions and the strict body reader.</summary>
public static class ValidationExtensions
{
    /// <summary>Adds RFC 7807 problem details (with <c>traceId</c>), camelCase/string-enum JSON answers and <see cref="ValidatedJson{T}"/>'s reader.</summary>
    public static IHostApplicationBuilder AddHeraldValidation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier));
        services.ConfigureHttpJsonOptions(options => HeraldJson.ApplyWebConventions(options.SerializerOptions));
        services.AddOptions<ApiOptions>()
            .Bind(builder.Configuration.GetSection(ApiOptions.SectionName))
            .Validate(o => o.MaxJsonBodyBytes > 0, $"{ApiOptions.SectionName}:MaxJsonBodyBytes must be positive.")
            .Validate(o => o.MaxInlineRecipients > 0, $"{ApiOptions.SectionName}:MaxInlineRecipients must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<JsonBodyReader>();
        return builder;
    }
}
