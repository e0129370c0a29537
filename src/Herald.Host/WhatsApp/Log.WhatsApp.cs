namespace Herald.Host;

// The WhatsApp and e-mail additions' log messages (event ids 2101–2199): phone-number ids (the business's
// own) and tenant/account ids only, never the people who wrote or their texts.
internal static partial class Log
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "A sent message of tenant {TenantId} account {AccountId} was not recorded for delivery receipts")]
    public static partial void DeliveryNotRecorded(ILogger logger, Exception exception, string tenantId, string accountId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "WhatsApp webhook for number {PhoneNumberId}, which no tenant registered")]
    public static partial void WebhookForUnknownNumber(ILogger logger, string phoneNumberId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "WhatsApp webhook refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "SMTP simulator listening on 127.0.0.1:{Port} (e-mail provider \"simulator\")")]
    public static partial void SmtpSimulatorListening(ILogger logger, int port);
}
