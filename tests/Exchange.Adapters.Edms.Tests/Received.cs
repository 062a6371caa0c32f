using System.Reflection;
using System.Xml;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Attachments;
using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Edms.Tests;

/// <summary>Requests and responses as the adapter host hands them to the EDMS, made directly (their records have public constructors).</summary>
public static class Received
{
    // Authorship has no public constructor: the SDK makes one only by checking a signature. The EDMS does not look at
    // it, so the tests hand over an unsigned one, made by reflection.
    private static readonly Authorship Unsigned = (Authorship)Activator.CreateInstance(typeof(Authorship),
        BindingFlags.NonPublic | BindingFlags.Instance, null, [AuthorshipStatus.Unsigned, null, "Made by the EDMS tests."], null)!;

    public static ReceivedRequest Request(XmlElement content, string sender = "PORTAL", Guid? messageId = null, string? replyTo = "reply-to-portal",
        params ReceivedAttachment[] attachments) =>
        new(Metadata(messageId ?? Guid.NewGuid(), MessageKind.Request, sender), content, content, replyTo, IsTest: false)
        {
            Authorship = Unsigned,
            Attachments = attachments,
        };

    public static ReceivedResponse Response(Guid originalMessageId, XmlElement? content, string sender = "LO_KIT", params string[] rejections) =>
        new(Metadata(Guid.NewGuid(), MessageKind.Response, sender), originalMessageId, content ?? new XmlDocument().CreateElement("Rejected"),
            content, rejections)
        {
            Authorship = Unsigned,
        };

    public static ReceivedAttachment File(string contentId, string text) =>
        new(contentId, "text/plain", System.Text.Encoding.UTF8.GetBytes(text), AttachmentSignatureStatus.Unsigned, null);

    private static MessageMetadata Metadata(Guid messageId, MessageKind kind, string sender) => new()
    {
        MessageId = messageId,
        Kind = kind,
        Sender = new Party(sender, $"{sender} information system"),
        SendingTimestamp = EdmsFixture.Start,
    };
}
