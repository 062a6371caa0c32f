using System.Xml;

namespace Exchange.Signing.Xml;

/// <summary>
/// Reads who made a signature that was verified before (a message's kept sender signature) without verifying it again:
/// the certificate comes out of <c>ds:KeyInfo</c> the way <see cref="XmlSignatureVerifier"/> takes it.
/// </summary>
public static class SignatureReader
{
    /// <exception cref="SignatureException">It is not a <c>ds:Signature</c>, or it does not carry exactly one readable certificate.</exception>
    public static SignatureSigner Signer(XmlElement signature, SignatureLimits? limits = null)
    {
        if (signature.LocalName != "Signature" || signature.NamespaceURI != XmlDsig.Namespace)
        {
            throw new SignatureException(SignatureError.MalformedSignature, $"'{signature.LocalName}' is not a ds:Signature.");
        }
        var keyInfo = signature.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "KeyInfo" && e.NamespaceURI == XmlDsig.Namespace);
        var method = signature.GetElementsByTagName("SignatureMethod", XmlDsig.Namespace).OfType<XmlElement>().FirstOrDefault();
        return new SignatureSigner(XmlSignatureVerifier.Certificate(keyInfo, limits ?? SignatureLimits.Default), method?.GetAttribute("Algorithm") ?? "");
    }
}
