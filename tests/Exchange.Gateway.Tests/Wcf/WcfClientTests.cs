using System.ServiceModel;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests.Wcf;

/// <summary>
/// A WCF client (System.ServiceModel.Http, BasicHttpBinding = SOAP 1.1) calls every operation of both WSDLs: send → get →
/// ack, answer → get the answer, the status stream, and the status lookup.
/// </summary>
public sealed class WcfClientTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ChannelFactory<ISmevMessageExchange> Factory(WSMessageEncoding encoding = WSMessageEncoding.Text) =>
        new(new BasicHttpBinding { MaxReceivedMessageSize = 4 * 1024 * 1024, MessageEncoding = encoding }, new EndpointAddress(gateway.SoapEndpoint));

    [Fact]
    public async Task a_wcf_client_answers_a_request_reads_the_answer_its_status_stream_and_the_message_status()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("answer me through WCF"), cancellationToken: Token);
        using var factory = Factory();
        var client = factory.CreateChannel();
        var request = await PollAsync(client, sent.MessageId.ToString());
        await gateway.Client("HEALTH").AckAsync(sent.MessageId, cancellationToken: Token);

        var answerId = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()).ToString();
        var data = new SenderProvidedResponseData
        {
            Id = "SIGNED_BY_PROVIDER",
            MessageID = answerId,
            To = request.ReplyTo!,
            MessagePrimaryContent = new MessagePrimaryContent { Any = BusinessDocuments.Appeal("answered through WCF", root: "AppealAnswer") },
        };
        var answered = await client.SendResponseAsync(new SendResponseRequestMessage
        {
            SendResponseRequest = new SendResponseRequest { SenderProvidedResponseData = data, CallerInformationSystemSignature = WcfSigning.Sign(data, gateway.Pki.Key("HEALTH")) },
        });
        Assert.Equal(answerId, answered.SendResponseResponse!.MessageMetadata!.MessageId);

        var response = await PollResponseAsync(client, sent.MessageId.ToString());
        Assert.Equal("answered through WCF", response.SenderProvidedResponseData!.MessagePrimaryContent!.Any!.InnerText);

        // PORTAL's stream also reports the messages of the other test of this class: read until this one's events.
        var statuses = new List<AsyncProcessingStatus>();
        while (await NextStatusAsync(client) is { } next)
        {
            statuses.Add(next);
        }
        Assert.Contains(statuses, s => s.OriginalMessageId == sent.MessageId.ToString() && s.StatusCategory == "requestIsProcessed");

        using var lookupFactory = new ChannelFactory<IExchangeMessageStatus>(new BasicHttpBinding(), new EndpointAddress(gateway.SoapEndpoint));
        var lookup = lookupFactory.CreateChannel();
        var reference = new MessageReference { Id = "SIGNED_BY_CALLER", Value = sent.MessageId.ToString() };
        var looked = await lookup.GetMessageStatusAsync(new GetMessageStatusRequestMessage
        {
            GetMessageStatusRequest = new GetMessageStatusRequest { MessageReference = reference, CallerInformationSystemSignature = WcfSigning.Sign(reference, gateway.Pki.Key("PORTAL")) },
        });
        var described = looked.GetMessageStatusResponse!.MessageStatus!;
        Assert.Equal("answered", described.Status);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged", "answered"], described.History.Select(h => h.Status));
        ((IClientChannel)lookup).Close();
        ((IClientChannel)client).Close();
    }

    [Fact]
    public async Task a_wcf_client_sends_receives_and_acknowledges_a_request()
    {
        using var factory = Factory();
        var client = factory.CreateChannel();
        var messageId = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()).ToString();

        var data = new SenderProvidedRequestData
        {
            Id = "SIGNED_BY_CONSUMER",
            MessageID = messageId,
            MessagePrimaryContent = new MessagePrimaryContent { Any = BusinessDocuments.Appeal("sent through WCF") },
        };
        var sent = await client.SendRequestAsync(new SendRequestRequestMessage
        {
            SendRequestRequest = new SendRequestRequest
            {
                SenderProvidedRequestData = data,
                CallerInformationSystemSignature = WcfSigning.Sign(data, gateway.Pki.Key("PORTAL")),
            },
        });
        Assert.Equal(messageId, sent.SendRequestResponse!.MessageMetadata!.MessageId);
        Assert.Equal("requestIsQueued", sent.SendRequestResponse.MessageMetadata.Status);
        Assert.Equal("HEALTH", sent.SendRequestResponse.MessageMetadata.Recipient!.Mnemonic);

        var received = await PollAsync(client, messageId);
        Assert.Equal("sent through WCF", received.SenderProvidedRequestData!.MessagePrimaryContent.Any!.InnerText);
        Assert.Equal("PORTAL", received.MessageMetadata!.Sender!.Mnemonic);

        var target = new AckTargetMessage { Id = "SIGNED_BY_CALLER", Value = messageId, Accepted = true };
        var acked = await client.AckAsync(new AckRequestMessage
        {
            AckRequest = new AckRequest { AckTargetMessage = target, CallerInformationSystemSignature = WcfSigning.Sign(target, gateway.Pki.Key("HEALTH")) },
        });
        Assert.NotNull(acked.AckResponse);

        var status = await gateway.Client("PORTAL").GetMessageStatusAsync(Guid.Parse(messageId), TestContext.Current.CancellationToken);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], status.History.Select(h => h.Status));
        ((IClientChannel)client).Close();
    }

    /// <summary>WCF's MTOM encoder writes and reads the multipart itself: our reader and writer must meet it on the wire.</summary>
    [Theory]
    [InlineData(WSMessageEncoding.Text)]
    [InlineData(WSMessageEncoding.Mtom)]
    public async Task a_wcf_client_sends_and_receives_a_file_in_its_encoding(WSMessageEncoding encoding)
    {
        using var factory = Factory(encoding);
        var client = factory.CreateChannel();
        var file = Enumerable.Range(0, 20_000).Select(i => (byte)(i * 31)).ToArray();
        var data = new SenderProvidedRequestData
        {
            Id = "SIGNED_BY_CONSUMER",
            MessageID = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()).ToString(),
            MessagePrimaryContent = new MessagePrimaryContent { Any = BusinessDocuments.Appeal($"a file through WCF, {encoding}") },
            AttachmentHeaderList = [new AttachmentHeader { ContentId = "scan", MimeType = "image/png" }],
        };
        await client.SendRequestAsync(new SendRequestRequestMessage
        {
            SendRequestRequest = new SendRequestRequest
            {
                SenderProvidedRequestData = data,
                AttachmentContentList = [new AttachmentContent { Id = "scan", Content = file }],
                CallerInformationSystemSignature = WcfSigning.Sign(data, gateway.Pki.Key("PORTAL")),
            },
        });

        var (_, attachments) = await PollWithAttachmentsAsync(client, data.MessageID);
        await gateway.Client("HEALTH").AckAsync(Guid.Parse(data.MessageID), cancellationToken: TestContext.Current.CancellationToken);
        ((IClientChannel)client).Close();

        var attachment = Assert.Single(attachments!);
        Assert.Equal("scan", attachment.Id);
        Assert.Equal(file, attachment.Content);
    }

    private async Task<Request> PollAsync(ISmevMessageExchange client, string messageId) => (await PollWithAttachmentsAsync(client, messageId)).Request;

    private async Task<AsyncProcessingStatus?> NextStatusAsync(ISmevMessageExchange client)
    {
        var timestamp = new Timestamp { Id = "SIGNED_BY_CALLER", Value = gateway.ClientTime.GetUtcNow().UtcDateTime };
        var status = await client.GetStatusAsync(new GetStatusRequestMessage
        {
            GetStatusRequest = new GetStatusRequest { Timestamp = timestamp, CallerInformationSystemSignature = WcfSigning.Sign(timestamp, gateway.Pki.Key("PORTAL")) },
        });
        return status.GetStatusResponse?.SmevAsyncProcessingMessage?.AsyncProcessingStatusData?.AsyncProcessingStatus;
    }

    /// <summary>
    /// Polls GetResponse as PORTAL until the answer to <paramref name="requestId"/> comes; answers that earlier tests left
    /// are acknowledged on the way.
    /// </summary>
    private async Task<Response> PollResponseAsync(ISmevMessageExchange client, string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var selector = new MessageTypeSelector { Id = "SIGNED_BY_CALLER", Timestamp = gateway.ClientTime.GetUtcNow().UtcDateTime };
            var answer = await client.GetResponseAsync(new GetResponseRequestMessage
            {
                GetResponseRequest = new GetResponseRequest
                {
                    MessageTypeSelector = selector,
                    CallerInformationSystemSignature = WcfSigning.Sign(selector, gateway.Pki.Key("PORTAL")),
                },
            });
            if (answer.GetResponseResponse?.ResponseMessage?.Response is { } response)
            {
                if (response.OriginalMessageId == requestId)
                {
                    return response;
                }
                await gateway.Client("PORTAL").AckAsync(Guid.Parse(response.SenderProvidedResponseData!.MessageID), cancellationToken: Token);
                continue;
            }
            await Task.Delay(50, Token);
        }
        throw new TimeoutException($"The WCF client received no response to {requestId} within 30 s.");
    }

    /// <summary>
    /// Polls GetRequest as HEALTH until the request <paramref name="messageId"/> comes; requests that earlier tests left
    /// are acknowledged on the way.
    /// </summary>
    private async Task<(Request Request, AttachmentContent[]? Attachments)> PollWithAttachmentsAsync(ISmevMessageExchange client, string messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var selector = new MessageTypeSelector { Id = "SIGNED_BY_CALLER", Timestamp = gateway.ClientTime.GetUtcNow().UtcDateTime };
            var answer = await client.GetRequestAsync(new GetRequestRequestMessage
            {
                GetRequestRequest = new GetRequestRequest
                {
                    MessageTypeSelector = selector,
                    CallerInformationSystemSignature = WcfSigning.Sign(selector, gateway.Pki.Key("HEALTH")),
                },
            });
            if (answer.GetRequestResponse?.RequestMessage is { Request: { } request } message)
            {
                if (request.SenderProvidedRequestData!.MessageID == messageId)
                {
                    return (request, message.AttachmentContentList);
                }
                await gateway.Client("HEALTH").AckAsync(Guid.Parse(request.SenderProvidedRequestData.MessageID), cancellationToken: Token);
                continue;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"The WCF client received no request {messageId} within 30 s.");
    }
}
