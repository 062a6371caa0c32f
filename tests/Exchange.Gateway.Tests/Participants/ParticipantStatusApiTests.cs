using System.Net;
using System.Text.Json;
using Exchange.Adapters.Sdk;
using Exchange.Gateway.Tests.Directory;
using Exchange.Protocol;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Tests.Participants;

/// <summary>
/// The participant JSON status lookup: with an API token of its information system, a message's sender or recipient
/// sees what GetMessageStatus shows it; for anyone else the message does not exist.
/// </summary>
public sealed class ParticipantStatusApiTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DirectoryAdmin Admin() => new(gateway, gateway.Admin());

    private async Task<string> TokenOfAsync(string participant) =>
        (await Admin().IssueApiTokenAsync(GatewayFixture.SystemOf(participant), $"{participant} front end")).GetProperty("token").GetString()!;

    private static List<string?> Statuses(JsonElement status) =>
        [.. status.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString())];

    [Fact]
    public async Task the_sender_and_the_recipient_see_with_their_systems_tokens_what_get_message_status_shows_them()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("where is my appeal?"), cancellationToken: Token);
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        var (senderCode, forSender) = await ParticipantApi.StatusAsync(gateway, sent.MessageId, await TokenOfAsync("PORTAL"));
        var (recipientCode, forRecipient) = await ParticipantApi.StatusAsync(gateway, sent.MessageId, await TokenOfAsync("HEALTH"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (senderCode, recipientCode));
        Assert.Equal(sent.MessageId, forSender.GetProperty("messageId").GetGuid());
        Assert.Equal(("PORTAL", "HEALTH"), (forSender.GetProperty("sender").GetString(), forSender.GetProperty("recipient").GetString()));
        Assert.Equal("acknowledged", forSender.GetProperty("status").GetString());
        Assert.Equal("messageIsDelivered", forSender.GetProperty("interactionStatus").GetString());
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], Statuses(forSender));
        Assert.Equal("HEALTH", forSender.GetProperty("history")[3].GetProperty("actor").GetString());
        Assert.Empty(forSender.GetProperty("copies").EnumerateArray());
        Assert.Equal(forSender.GetRawText(), forRecipient.GetRawText());

        var overSoap = await gateway.Client("PORTAL").GetMessageStatusAsync(sent.MessageId, Token);
        Assert.Equal(overSoap.History.Select(h => (h.Status, h.At)),
            forSender.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("status").GetString()!, h.GetProperty("at").GetDateTimeOffset())));
        Assert.Equal(overSoap.StatusChangeTimestamp, forSender.GetProperty("statusChangeTimestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task for_a_third_participants_token_a_message_is_not_found_word_for_word_like_an_unknown_id()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("not theirs"), cancellationToken: Token);
        var unknown = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());
        var stranger = await TokenOfAsync("RSA_BODY");

        var (strangerCode, strangers) = await ParticipantApi.StatusAsync(gateway, sent.MessageId, stranger);
        var (unknownCode, unknowns) = await ParticipantApi.StatusAsync(gateway, unknown, stranger);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (strangerCode, unknownCode));
        Assert.Equal(unknowns.GetProperty("title").GetString(), strangers.GetProperty("title").GetString());
        Assert.Equal(unknowns.GetProperty("detail").GetString()!.Replace(unknown.ToString(), "ID"),
            strangers.GetProperty("detail").GetString()!.Replace(sent.MessageId.ToString(), "ID"));
        Assert.DoesNotContain("PORTAL", strangers.GetRawText());
    }

    [Fact]
    public async Task the_sender_of_a_broadcast_sees_its_copies()
    {
        var notice = new MessageType("urn://exchange.test/notice/1.0", "TokenNotice");
        var admin = Admin();
        await admin.AddParticipantAsync("TOKEN_DISTRICT", "district");
        await admin.AddParticipantAsync("TOKEN_SETTLEMENT", "settlement", parent: "TOKEN_DISTRICT");
        await admin.AddTypeAsync(notice, kind: "broadcast", broadcastLevel: "settlement");
        await admin.AddPermissionAsync(notice, sender: "TOKEN_DISTRICT", recipients: "participant", recipient: "TOKEN_DISTRICT");
        var sent = await gateway.Client(GatewayFixture.SystemOf("TOKEN_DISTRICT")).SendRequestAsync(
            BusinessDocuments.Appeal("Road closed", notice.NamespaceUri, notice.RootElement), new SendOptions(To: "TOKEN_DISTRICT"), Token);
        var copy = await gateway.ReceiveAsync(GatewayFixture.SystemOf("TOKEN_SETTLEMENT"), notice);

        var (code, status) = await ParticipantApi.StatusAsync(gateway, sent.MessageId, await TokenOfAsync("TOKEN_DISTRICT"));

        Assert.Equal(HttpStatusCode.OK, code);
        var listed = Assert.Single(status.GetProperty("copies").EnumerateArray());
        Assert.Equal(copy.MessageId, listed.GetProperty("messageId").GetGuid());
        Assert.Equal(("TOKEN_SETTLEMENT", "delivered"), (listed.GetProperty("recipient").GetString(), listed.GetProperty("status").GetString()));
    }
}
