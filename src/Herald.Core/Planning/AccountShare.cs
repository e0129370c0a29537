using Herald.Core.Domain;

namespace Herald.Core.Planning;

/// <summary>One account's part of a start plan.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Status">Its status at the start.</param>
/// <param name="RecipientsPerDay">Recipients it can serve on an open day now (0 when blocked).</param>
/// <param name="Share">Its share of the campaign's speed, 0 to 1.</param>
/// <param name="PlannedRecipients">Recipients it is expected to serve (the list spread by share).</param>
public sealed record AccountShare(string AccountId, AccountStatus Status, double RecipientsPerDay, double Share, int PlannedRecipients);
