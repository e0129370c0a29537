using Microsoft.Extensions.Options;

namespace Herald.Host.Integrations;

/// <summary>Stops the host on start with every problem of <see cref="IntegrationsOptions"/>, each naming its key.</summary>
internal sealed class IntegrationsOptionsValidator : IValidateOptions<IntegrationsOptions>
{
    public ValidateOptionsResult Validate(string? name, IntegrationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
