using System.Xml;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Mtom;
using Exchange.Protocol.Xml;

namespace Exchange.Protocol.Envelopes;

/// <summary>A received SOAP 1.1 envelope, reduced to the one operation element in its body.</summary>
public sealed class SoapRequest
{
    private SoapRequest(XmlDocument document, XmlElement operation, XopParts xopParts, bool isMtom)
    {
        Document = document;
        Operation = operation;
        XopParts = xopParts;
        IsMtom = isMtom;
    }

    /// <summary>The whole document as received; signatures are checked against it.</summary>
    public XmlDocument Document { get; }

    /// <summary>The single element in <c>soap:Body</c>, e.g. <c>SendRequestRequest</c>.</summary>
    public XmlElement Operation { get; }

    /// <summary>The binary parts of an MTOM request, paired with the <c>xop:Include</c>s that stand for them.</summary>
    public XopParts XopParts { get; }

    /// <summary>True when the request came as MTOM; its answer then goes back as MTOM too.</summary>
    public bool IsMtom { get; }

    public static SoapRequest Parse(ReadOnlyMemory<byte> body, XmlLimits limits)
    {
        var (document, operation) = ParseEnvelope(body, limits);
        return new SoapRequest(document, operation, XopParts.None(operation), isMtom: false);
    }

    /// <summary>An MTOM request: the root part is the envelope; its <c>xop:Include</c>s must match the binary parts.</summary>
    public static SoapRequest Parse(MtomMessage message, XmlLimits limits)
    {
        var (document, operation) = ParseEnvelope(message.Root, limits);
        return new SoapRequest(document, operation, XopParts.Bind(operation, message.Parts), isMtom: true);
    }

    private static (XmlDocument Document, XmlElement Operation) ParseEnvelope(ReadOnlyMemory<byte> body, XmlLimits limits)
    {
        var document = SafeXmlLoader.Load(body, limits);
        var envelope = document.DocumentElement;
        if (envelope is null || envelope.LocalName != "Envelope" || envelope.NamespaceURI != SmevNamespaces.Soap11)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.NotSoapEnvelope,
                $"Expected a SOAP 1.1 Envelope ({SmevNamespaces.Soap11}), got '{{{envelope?.NamespaceURI}}}{envelope?.LocalName}'."));
        }

        var children = envelope.ChildElements().ToList();
        var header = children.FirstOrDefault(e => e.LocalName == "Header" && e.NamespaceURI == SmevNamespaces.Soap11);
        RefuseHeadersThatMustBeUnderstood(header);

        var bodies = children.Where(e => e.LocalName == "Body" && e.NamespaceURI == SmevNamespaces.Soap11).ToList();
        if (bodies.Count != 1)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.NotSoapEnvelope,
                $"A SOAP envelope has exactly one Body; this one has {bodies.Count}."));
        }

        var operations = bodies[0].ChildElements().ToList();
        if (operations.Count != 1)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.NotSoapEnvelope,
                $"The SOAP Body must hold exactly one operation element; it holds {operations.Count}."));
        }
        return (document, operations[0]);
    }

    private static void RefuseHeadersThatMustBeUnderstood(XmlElement? header)
    {
        if (header is null)
        {
            return;
        }
        foreach (var entry in header.ChildElements())
        {
            var mustUnderstand = entry.GetAttribute("mustUnderstand", SmevNamespaces.Soap11);
            if (mustUnderstand is "1" or "true")
            {
                throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.MustUnderstandHeader,
                    $"Header '{{{entry.NamespaceURI}}}{entry.LocalName}' is marked mustUnderstand and is not supported."));
            }
        }
    }
}
