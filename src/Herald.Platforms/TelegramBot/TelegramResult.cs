using System.Diagnostics.CodeAnalysis;

namespace Herald.Platforms.TelegramBot;

/// <summary>The result of one Bot API call: its <c>result</c>, or a <see cref="TelegramApiError"/>.</summary>
/// <typeparam name="T">The type of Telegram's <c>result</c>.</typeparam>
public sealed class TelegramResult<T>
{
    private TelegramResult(T? value, TelegramApiError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Telegram's <c>result</c> when the call succeeded.</summary>
    public T? Value { get; }

    /// <summary>Why the call failed, when it did.</summary>
    public TelegramApiError? Error { get; }

    /// <summary>True when the call succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null;

    /// <summary>A success.</summary>
    public static TelegramResult<T> Success(T value) => new(value, null);

    /// <summary>A failure.</summary>
    public static TelegramResult<T> Failure(TelegramApiError error) => new(default, error);

    /// <inheritdoc />
    public override string ToString() => IsOk ? $"ok: {Value}" : $"failed: {Error}";
}
