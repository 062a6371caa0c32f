namespace Exchange.Signing.Keys.Internal;

/// <summary>One public key's check of XMLDSig signature bytes over data; implementations are safe for concurrent use.</summary>
internal interface ISignatureVerifier
{
    bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);
}
