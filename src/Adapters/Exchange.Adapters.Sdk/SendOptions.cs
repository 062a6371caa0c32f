namespace Exchange.Adapters.Sdk;

/// <summary>Optional parts of a SendRequest.</summary>
/// <param name="MessageId">A version 1 UUID; a new one when null. Resend with the same id after a lost answer.</param>
/// <param name="Attachments">Files sent with the request (headers signed with it, contents inline or as MTOM parts).</param>
/// <param name="PersonalKey">
/// An officer's key for a personal signature (ЭП-СП) over the business document, which then needs an <c>Id</c> attribute.
/// </param>
public sealed record SendOptions(Guid? MessageId = null, Guid? ReferenceMessageId = null, string? TransactionCode = null, bool IsTest = false,
    Exchange.Signing.Keys.SigningKey? PersonalKey = null, DateTimeOffset? EndOfLife = null,
    IReadOnlyList<Attachments.OutgoingAttachment>? Attachments = null);
