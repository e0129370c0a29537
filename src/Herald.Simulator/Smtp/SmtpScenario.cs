namespace Herald.Simulator.Smtp;

/// <summary>
/// What the simulated SMTP server accepts, defers and rejects. Logins: any user with a non-empty password, except
/// <see cref="RefusedLogins"/> (535). Rules apply in order to each recipient (<c>RCPT TO</c>); the first that matches
/// answers its code (a rule with <see cref="SmtpRule.Times"/> answers that many times, then lets the recipient through).
/// </summary>
public sealed class SmtpScenario
{
    /// <summary>Users whose login is refused with 535.</summary>
    public IList<string> RefusedLogins { get; set; } = [];

    /// <summary>Replies per recipient, first match wins.</summary>
    public IList<SmtpRule> Rules { get; set; } = [];

    /// <summary>
    /// Messages per account per rolling 24 hours the provider allows (0: no cap). Past it, <c>MAIL FROM</c> answers
    /// 452 and the attempt counts as a violation.
    /// </summary>
    public int DailyCapPerAccount { get; set; }

    /// <summary>A deep copy.</summary>
    public SmtpScenario Clone() => new() { RefusedLogins = [.. RefusedLogins], Rules = [.. Rules], DailyCapPerAccount = DailyCapPerAccount };
}

/// <summary>One reply rule.</summary>
/// <param name="Recipient">An address, or <c>*@domain</c> for a whole domain, or <c>*</c>.</param>
/// <param name="Code">The reply code (421, 450, 451, 452, 550, 551, 553…).</param>
/// <param name="Times">How many times it answers (0: always).</param>
public sealed record SmtpRule(string Recipient, int Code, int Times = 0)
{
    /// <summary>True when the rule is about <paramref name="address"/>.</summary>
    public bool Matches(string address) =>
        Recipient == "*"
        || (Recipient.StartsWith("*@", StringComparison.Ordinal) && address.EndsWith(Recipient[1..], StringComparison.OrdinalIgnoreCase))
        || string.Equals(Recipient, address, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One message the simulated server accepted.</summary>
/// <param name="Account">The login it was sent with.</param>
/// <param name="From">The envelope sender.</param>
/// <param name="To">The envelope recipients.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
/// <param name="ListUnsubscribe">The <c>List-Unsubscribe</c> header.</param>
/// <param name="ListUnsubscribePost">The <c>List-Unsubscribe-Post</c> header.</param>
/// <param name="At">When it was accepted.</param>
public sealed record SmtpMessage(string Account, string From, IReadOnlyList<string> To, string Subject, string? Text, string? Html, string? ListUnsubscribe, string? ListUnsubscribePost, DateTimeOffset At);

/// <summary>Counts of the simulated server.</summary>
/// <param name="Accepted">Messages accepted.</param>
/// <param name="Deferred">Recipients or senders answered 4xx.</param>
/// <param name="Rejected">Recipients answered 5xx (logins not counted).</param>
/// <param name="RefusedLogins">Logins refused.</param>
/// <param name="CapViolations">Attempts past an account's daily cap.</param>
public sealed record SmtpStats(int Accepted, int Deferred, int Rejected, int RefusedLogins, int CapViolations);
