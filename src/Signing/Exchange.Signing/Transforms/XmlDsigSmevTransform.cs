using System.Security.Cryptography.Xml;
using System.Xml;

namespace Exchange.Signing.Transforms;

/// <summary>
/// <see cref="SmevTransform"/> as a <see cref="Transform"/>, so <see cref="SignedXml"/> can load and run References
/// that name <c>urn://smev-gov-ru/xmldsig/transform</c>. Register it once per process with
/// <c>CryptoConfig.AddAlgorithm(typeof(XmlDsigSmevTransform), SmevTransform.Uri)</c>; to check signatures also add
/// <see cref="SmevTransform.Uri"/> to the <see cref="SignedXml.SafeCanonicalizationMethods"/> of each instance.
/// </summary>
/// <remarks>
/// In a SMEV Reference it follows exclusive c14n, whose output stream it takes as is. A document or node list is
/// first canonicalised with exclusive c14n, which is what the reference implementation is always fed.
/// </remarks>
public sealed class XmlDsigSmevTransform : Transform
{
    private byte[]? _output;

    public XmlDsigSmevTransform()
    {
        Algorithm = SmevTransform.Uri;
    }

    public override Type[] InputTypes { get; } = [typeof(Stream), typeof(XmlDocument), typeof(XmlNodeList)];

    public override Type[] OutputTypes { get; } = [typeof(Stream)];

    /// <summary>The transform takes no parameters; whatever the Transform element holds is ignored, as the reference does.</summary>
    public override void LoadInnerXml(XmlNodeList nodeList)
    {
    }

    public override void LoadInput(object obj)
    {
        _output = obj switch
        {
            Stream octets => SmevTransform.Apply(ReadAll(octets)),
            XmlDocument or XmlNodeList => SmevTransform.Apply(ExclusiveC14n(obj)),
            _ => throw new ArgumentException(
                $"The SMEV transform takes a Stream (exclusive c14n output), an XmlDocument or an XmlNodeList, not {obj?.GetType().Name ?? "null"}.",
                nameof(obj)),
        };
    }

    public override object GetOutput() =>
        new MemoryStream(_output ?? throw new InvalidOperationException("LoadInput must be called before GetOutput."), writable: false);

    public override object GetOutput(Type type)
    {
        if (type != typeof(Stream) && !type.IsSubclassOf(typeof(Stream)))
        {
            throw new ArgumentException($"The SMEV transform only outputs a Stream, not {type.Name}.", nameof(type));
        }
        return GetOutput();
    }

    protected override XmlNodeList? GetInnerXml() => null;

    private static byte[] ExclusiveC14n(object documentOrNodes)
    {
        var c14n = new XmlDsigExcC14NTransform();
        c14n.LoadInput(documentOrNodes);
        return ReadAll((Stream)c14n.GetOutput(typeof(Stream)));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
