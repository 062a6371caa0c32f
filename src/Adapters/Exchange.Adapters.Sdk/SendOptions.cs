namespace Exchange.Adapters.Sdk;

/// <summary>Optional parts of a SendRequest.</summary>
/// <param name="MessageId">A version 1 UUID; a new one when null. Resend with the same id after a lost answer.</param>
/// <param name="Attachments">Files sent with the request (headers signed with it, contents inline or as MTOM parts).</param>
/// <param name="PersonalKey">
/// An officer's key for a personal signature (ЭП-СП) over the business document, which then needs an <c>Id</c> attribute.
/// </param>
/// <param name="To">The recipient's mnemonic, when the sender addresses it itself (sent as SMEV's signed IdentifierRouting).</param>
/// <param name="Territory">
/// The mnemonic of the territory the request is filed for (a settlement, a district); the gateway routes it to the
/// type's provider for that territory (sent as SMEV's signed DynamicRouting). Neither: the sender's own territory.
/// </param>
public sealed record SendOptions(Guid? MessageId = null, Guid? ReferenceMessageId = null, string? TransactionCode = null, bool IsTest = false,
    Exchange.Signing.Keys.SigningKey? PersonalKey = null, DateTimeOffset? EndOfLife = null, string? To = null, string? Territory = null,
    IReadOnlyList<Attachments.OutgoingAttachment>? Attachments = null);
