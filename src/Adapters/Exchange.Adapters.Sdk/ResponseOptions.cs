using Exchange.Adapters.Sdk.Attachments;
using Exchange.Signing.Keys;

namespace Exchange.Adapters.Sdk;

/// <summary>Optional parts of a SendResponse with a business document.</summary>
/// <param name="MessageId">A version 1 UUID; a new one when null. Resend with the same id after a lost answer.</param>
/// <param name="Attachments">Files sent with the response (headers signed with it, contents inline or as MTOM parts).</param>
/// <param name="PersonalKey">
/// An officer's key for a personal signature (ЭП-СП) over the business document, which then needs an <c>Id</c> attribute.
/// </param>
public sealed record ResponseOptions(Guid? MessageId = null, IReadOnlyList<OutgoingAttachment>? Attachments = null, SigningKey? PersonalKey = null);
