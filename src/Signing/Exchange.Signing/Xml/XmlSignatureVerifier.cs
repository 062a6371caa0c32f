using System.Security.Cryptography;
using System.Xml;
using Exchange.Signing.Algorithms;
using Exchange.Signing.Keys;
using Exchange.Signing.Transforms;

namespace Exchange.Signing.Xml;

/// <summary>
/// Verifies a detached SMEV-profile signature held in <c>holder</c> over <c>expectedTarget</c>, treating everything
/// as hostile: exactly one signature, one same-document reference, only exclusive c14n and the SMEV transform,
/// the referenced id carried by exactly one element, and that element the very one the caller will process
/// (which defeats signature wrapping). Certificate trust is a separate step (<see cref="Certificates.CertificateValidator"/>).
/// </summary>
public static class XmlSignatureVerifier
{
    public static VerifiedSignature Verify(XmlElement holder, XmlElement expectedTarget, SignatureLimits? limits = null)
    {
        limits ??= SignatureLimits.Default;
        var signature = SingleSignature(holder);
        var parts = Children(signature);
        if (parts.Count is < 2 or > 3 || !Is(parts[0], "SignedInfo") || !Is(parts[1], "SignatureValue") || (parts.Count == 3 && !Is(parts[2], "KeyInfo")))
        {
            throw Refuse(SignatureError.MalformedSignature, "ds:Signature must hold ds:SignedInfo, ds:SignatureValue and ds:KeyInfo, and nothing else (no ds:Object).");
        }
        var signedInfo = parts[0];
        var (signatureUri, reference) = ReadSignedInfo(signedInfo);
        var (id, smevTransform, digestUri, digestValue) = ReadReference(reference, limits);

        var target = ResolveId(holder.OwnerDocument, id);
        if (!ReferenceEquals(target, expectedTarget))
        {
            throw Refuse(SignatureError.IncorrectSignatureTarget,
                $"The signature covers '{target.LocalName}' with Id '{id}', not the '{expectedTarget.LocalName}' this message is processed from.");
        }

        var content = Canonicalization.Exclusive(target);
        if (smevTransform)
        {
            content = SmevTransform.Apply(content);
        }
        if (!CryptographicOperations.FixedTimeEquals(Digests.Compute(digestUri, content), digestValue))
        {
            throw Refuse(SignatureError.DigestMismatch, $"The digest of '{target.LocalName}' (Id '{id}') does not match: the signed content was changed.");
        }

        var certificate = Certificate(parts.Count == 3 ? parts[2] : null, limits);
        VerificationKey key;
        try
        {
            key = VerificationKey.FromCertificate(certificate);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or NotSupportedException or FormatException)
        {
            throw Refuse(SignatureError.CertificateUnreadable, $"The certificate in ds:KeyInfo cannot be read or its key is not supported: {e.Message}", e);
        }

        var signatureValue = Base64(parts[1], "ds:SignatureValue", limits.MaxSignatureValueBytes);
        if (!key.Verify(signatureUri, Canonicalization.Exclusive(signedInfo), signatureValue))
        {
            throw Refuse(SignatureError.SignatureInvalid,
                $"ds:SignatureValue does not verify with the {key.Algorithm} key of the certificate for {signatureUri}.");
        }
        return new VerifiedSignature(certificate, key, signatureUri, smevTransform, digestValue);
    }

    private static XmlElement SingleSignature(XmlElement holder)
    {
        var children = Children(holder);
        if (children.Count == 0)
        {
            throw Refuse(SignatureError.NoSignature, $"'{holder.LocalName}' holds no ds:Signature.");
        }
        if (children.Count > 1 || !Is(children[0], "Signature"))
        {
            throw Refuse(SignatureError.MalformedSignature, $"'{holder.LocalName}' must hold exactly one ds:Signature and nothing else.");
        }
        return children[0];
    }

    private static (string SignatureUri, XmlElement Reference) ReadSignedInfo(XmlElement signedInfo)
    {
        var parts = Children(signedInfo);
        if (parts.Count < 3 || !Is(parts[0], "CanonicalizationMethod") || !Is(parts[1], "SignatureMethod"))
        {
            throw Refuse(SignatureError.MalformedSignature, "ds:SignedInfo must hold CanonicalizationMethod, SignatureMethod and a Reference.");
        }
        if (parts[0].GetAttribute("Algorithm") != XmlDsig.ExclusiveC14N || Children(parts[0]).Count != 0)
        {
            throw Refuse(SignatureError.UnsupportedCanonicalization,
                $"Only exclusive c14n ({XmlDsig.ExclusiveC14N}) without InclusiveNamespaces is accepted for ds:SignedInfo.");
        }
        var signatureUri = AlgorithmUris.Canonical(parts[1].GetAttribute("Algorithm"));
        if (signatureUri is null || Digests.IsSupported(signatureUri) || Children(parts[1]).Count != 0)
        {
            throw Refuse(SignatureError.UnsupportedSignatureAlgorithm, $"Signature algorithm '{parts[1].GetAttribute("Algorithm")}' is not supported.");
        }
        var references = parts.Skip(2).ToList();
        if (references.Count != 1 || !Is(references[0], "Reference"))
        {
            throw Refuse(SignatureError.ReferenceNotAllowed, $"Exactly one ds:Reference is accepted; ds:SignedInfo holds {references.Count} other elements.");
        }
        return (signatureUri, references[0]);
    }

    private static (string Id, bool SmevTransform, string DigestUri, byte[] DigestValue) ReadReference(XmlElement reference, SignatureLimits limits)
    {
        var uri = reference.GetAttribute("URI");
        var id = uri.StartsWith('#') ? uri[1..] : "";
        if (id.Length == 0 || !IsNcName(id))
        {
            throw Refuse(SignatureError.ReferenceNotAllowed, $"Reference URI '{uri}' is not a same-document '#id' reference.");
        }

        var parts = Children(reference);
        if (parts.Count != 3 || !Is(parts[0], "Transforms") || !Is(parts[1], "DigestMethod") || !Is(parts[2], "DigestValue"))
        {
            throw Refuse(SignatureError.MalformedSignature,
                "ds:Reference must hold Transforms (exclusive c14n, optionally then the SMEV transform), DigestMethod and DigestValue, and nothing else.");
        }
        var smevTransform = ReadTransforms(parts[0], limits);
        var digestUri = AlgorithmUris.Canonical(parts[1].GetAttribute("Algorithm"));
        if (digestUri is null || !Digests.IsSupported(digestUri))
        {
            throw Refuse(SignatureError.UnsupportedDigestAlgorithm, $"Digest algorithm '{parts[1].GetAttribute("Algorithm")}' is not supported.");
        }
        return (id, smevTransform, digestUri, Base64(parts[2], "ds:DigestValue", 128));
    }

    /// <returns>Whether the SMEV transform is applied.</returns>
    private static bool ReadTransforms(XmlElement transforms, SignatureLimits limits)
    {
        var algorithms = Children(transforms).Select(t =>
        {
            if (!Is(t, "Transform") || Children(t).Count != 0)
            {
                throw Refuse(SignatureError.TransformNotAllowed, "A ds:Transform with parameters (XPath, XSLT, InclusiveNamespaces) is not accepted.");
            }
            return t.GetAttribute("Algorithm");
        }).ToList();
        if (algorithms.Count > limits.MaxTransforms)
        {
            throw Refuse(SignatureError.TransformNotAllowed, $"At most {limits.MaxTransforms} transforms are accepted.");
        }
        // Exclusive c14n turns the referenced element into octets; the SMEV transform, if present, must come last.
        var valid = algorithms is [XmlDsig.ExclusiveC14N] or [XmlDsig.ExclusiveC14N, SmevTransform.Uri] or [SmevTransform.Uri];
        if (!valid)
        {
            throw Refuse(SignatureError.TransformNotAllowed,
                $"Transforms [{string.Join(", ", algorithms)}] are not accepted; use exclusive c14n, optionally followed by {SmevTransform.Uri}.");
        }
        return algorithms[^1] == SmevTransform.Uri;
    }

    private static XmlElement ResolveId(XmlDocument document, string id)
    {
        var carriers = new List<XmlElement>(1);
        foreach (var element in document.GetElementsByTagName("*").OfType<XmlElement>())
        {
            // SignedXml resolves Id, ID and id alike; so does an attacker's verifier of choice, so count them all.
            foreach (XmlAttribute attribute in element.Attributes)
            {
                if (attribute.NamespaceURI.Length == 0 && attribute.LocalName is "Id" or "ID" or "id" && attribute.Value == id)
                {
                    carriers.Add(element);
                    break;
                }
            }
        }
        return carriers.Count switch
        {
            0 => throw Refuse(SignatureError.ReferenceTargetNotFound, $"No element carries the referenced Id '{id}'."),
            1 => carriers[0],
            _ => throw Refuse(SignatureError.DuplicateId, $"{carriers.Count} elements carry the referenced Id '{id}'."),
        };
    }

    /// <summary>The one certificate a <c>ds:KeyInfo</c> carries, within the limits.</summary>
    internal static byte[] Certificate(XmlElement? keyInfo, SignatureLimits limits)
    {
        var certificates = keyInfo?.GetElementsByTagName("X509Certificate", XmlDsig.Namespace).OfType<XmlElement>().ToList() ?? [];
        if (certificates.Count != 1)
        {
            throw Refuse(SignatureError.CertificateMissing, $"ds:KeyInfo must carry exactly one ds:X509Certificate; it carries {certificates.Count}.");
        }
        return Base64(certificates[0], "ds:X509Certificate", limits.MaxCertificateBytes);
    }

    private static byte[] Base64(XmlElement element, string name, int maxBytes)
    {
        var text = element.InnerText;
        if (text.Length > maxBytes * 2)
        {
            throw Refuse(SignatureError.LimitExceeded, $"{name} is longer than {maxBytes} bytes.");
        }
        try
        {
            var bytes = Convert.FromBase64String(text);
            return bytes.Length <= maxBytes ? bytes : throw Refuse(SignatureError.LimitExceeded, $"{name} is longer than {maxBytes} bytes.");
        }
        catch (FormatException e)
        {
            throw Refuse(SignatureError.MalformedSignature, $"{name} is not Base64.", e);
        }
    }

    private static List<XmlElement> Children(XmlElement element) => element.ChildNodes.OfType<XmlElement>().ToList();

    private static bool Is(XmlElement element, string localName) =>
        element.LocalName == localName && element.NamespaceURI == XmlDsig.Namespace;

    private static bool IsNcName(string value)
    {
        try
        {
            XmlConvert.VerifyNCName(value);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static SignatureException Refuse(SignatureError error, string message, Exception? inner = null) => new(error, message, inner);
}
