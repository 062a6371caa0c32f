namespace Exchange.Adapters.Sdk;

/// <summary>Optional parts of a SendRequest.</summary>
/// <param name="MessageId">A version 1 UUID; a new one when null. Resend with the same id after a lost answer.</param>
public sealed record SendOptions(Guid? MessageId = null, Guid? ReferenceMessageId = null, string? TransactionCode = null, bool IsTest = false);
