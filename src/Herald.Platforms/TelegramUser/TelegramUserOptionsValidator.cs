using Herald.Platforms.TelegramUser.Td;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.TelegramUser;

/// <summary>Checks <see cref="TelegramUserOptions"/> on start: libtdjson is there (unless the simulator is used), timeouts are positive.</summary>
internal sealed class TelegramUserOptionsValidator : IValidateOptions<TelegramUserOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramUserOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.SimulatorUrl) && !Uri.TryCreate(options.SimulatorUrl, UriKind.Absolute, out _))
        {
            errors.Add($"Herald:TelegramUser:SimulatorUrl '{options.SimulatorUrl}' is not an absolute URL.");
        }

        if (string.IsNullOrEmpty(options.SimulatorUrl))
        {
            try
            {
                TdJsonLibrary.Locate(options.TdJsonPath);
            }
            catch (TdJsonNotFoundException e)
            {
                errors.Add(e.Message);
            }
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.SendConfirmTimeout <= TimeSpan.Zero)
        {
            errors.Add("Herald:TelegramUser:RequestTimeout and SendConfirmTimeout must be positive.");
        }

        if (options.SessionIdleClose <= options.RequestTimeout + options.SendConfirmTimeout)
        {
            errors.Add("Herald:TelegramUser:SessionIdleClose must be longer than RequestTimeout plus SendConfirmTimeout (an action in flight keeps its client).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
