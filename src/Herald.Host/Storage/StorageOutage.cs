using System.Globalization;
using Azure;

namespace Herald.Host.Storage;

/// <summary>Tells a storage outage (unreachable, hanging, or answering 5xx/408) from an answer, and says which, without secrets.</summary>
internal static class StorageOutage
{
    /// <summary>
    /// True when <paramref name="exception"/> (or one inside it) says the service could not be reached or did not answer
    /// in time: <see cref="RequestFailedException"/> with status 0, 408 or 5xx, <see cref="HttpRequestException"/>,
    /// <see cref="TimeoutException"/>, or a cancellation that was not the caller's (the budget's network timeout).
    /// </summary>
    public static bool IsOutage(Exception exception) => Cause(exception) is not null;

    /// <summary>A short reason for operators (a type name and status only: messages may carry connection details).</summary>
    public static string Describe(Exception exception) => Cause(exception) switch
    {
        RequestFailedException { Status: 0 } e => $"Storage is unreachable ({e.GetType().Name}).",
        RequestFailedException e => string.Create(CultureInfo.InvariantCulture, $"Storage answered {e.Status}."),
        OperationCanceledException or TimeoutException => "Storage did not answer in time.",
        { } e => $"Storage is unreachable ({e.GetType().Name}).",
        null => $"The check failed ({exception.GetType().Name}).",
    };

    private static Exception? Cause(Exception? exception) => exception switch
    {
        null => null,
        RequestFailedException { Status: 0 or StatusCodes.Status408RequestTimeout or >= StatusCodes.Status500InternalServerError } => exception,
        RequestFailedException => null,
        HttpRequestException or TimeoutException or OperationCanceledException => exception,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Cause).FirstOrDefault(c => c is not null),
        _ => Cause(exception.InnerException),
    };
}
