using System.Xml;
using Exchange.Protocol;
using Exchange.Protocol.Envelopes;

namespace Exchange.Gateway.Soap;

/// <summary>One SMEV operation served by the SOAP endpoint, named by its body element (<c>{Name}Request</c>).</summary>
public interface ISoapOperation
{
    /// <summary>The operation name, e.g. <c>SendRequest</c>; SOAPAction is <c>urn:{Name}</c>.</summary>
    string Name { get; }

    /// <summary>The namespace of its body element: SMEV's types namespace, or that of one of our extensions.</summary>
    string Namespace => SmevNamespaces.Types;

    /// <summary>Handles the request and returns the response body element (signed where SMEV signs it).</summary>
    Task<XmlElement> HandleAsync(SoapRequest request, SoapCallContext context, CancellationToken cancellationToken);
}
