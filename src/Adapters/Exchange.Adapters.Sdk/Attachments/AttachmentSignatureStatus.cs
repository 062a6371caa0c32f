namespace Exchange.Adapters.Sdk.Attachments;

/// <summary>What became of an attachment's <c>SignaturePKCS7</c> when the SDK checked it.</summary>
public enum AttachmentSignatureStatus
{
    /// <summary>The sender attached no signature.</summary>
    Unsigned,

    /// <summary>The signature verifies over these bytes and its signer chains to the client's trusted CAs.</summary>
    Verified,

    /// <summary>The signature does not verify, or its signer is not trusted.</summary>
    Invalid,
}
