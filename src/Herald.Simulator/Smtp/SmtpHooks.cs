using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Herald.Simulator.Smtp;

/// <summary>The SmtpServer hooks of the simulated server: logins, the sender's daily cap, recipient rules, recording.</summary>
internal sealed class SmtpHooks(SmtpSimulatorState state) : MessageStore, IUserAuthenticator, IMailboxFilter
{
    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
        Task.FromResult(state.Login(user, password));

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        if (state.Sender(context.Authentication.User ?? "") is { } code)
        {
            throw Reply(code, "4.5.3 Daily sending limit reached for this account");
        }

        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var address = to.User + "@" + to.Host;
        if (state.Recipient(address) is { } code)
        {
            throw Reply(code, code switch
            {
                421 => "4.7.0 Try again later, closing connection",
                450 => "4.2.1 Mailbox busy, try again later",
                451 => "4.3.0 Local error in processing",
                452 => "4.5.3 Too many messages, slow down",
                550 => "5.1.1 No such user",
                551 => "5.1.6 User not local",
                553 => "5.1.3 Mailbox name not allowed",
                _ => "Refused by rule",
            });
        }

        return Task.FromResult(true);
    }

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        state.Record(new SmtpMessage(
            context.Authentication.User ?? "",
            transaction.From.User + "@" + transaction.From.Host,
            [.. transaction.To.Select(t => t.User + "@" + t.Host)],
            message.Subject ?? "",
            message.TextBody,
            message.HtmlBody,
            message.Headers["List-Unsubscribe"],
            message.Headers["List-Unsubscribe-Post"],
            default));
        return SmtpResponse.Ok;
    }

    private static SmtpResponseException Reply(int code, string text) =>
        new(new SmtpResponse((SmtpReplyCode)code, text), code == 421);
}
