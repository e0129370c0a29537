using Microsoft.Extensions.Options;

namespace Herald.Core.Limits;

/// <summary>Validates bound <see cref="PlatformLimitsOptions"/> on start: stricter than the documented limits only (R35).</summary>
public sealed class PlatformLimitsOptionsValidator : IValidateOptions<PlatformLimitsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PlatformLimitsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
