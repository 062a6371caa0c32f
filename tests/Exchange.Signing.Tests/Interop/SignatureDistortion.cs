namespace Exchange.Signing.Tests.Interop;

/// <summary>Ways a correct GOST signature value can be mangled; see <see cref="GostSignatureLayout"/>.</summary>
public enum SignatureDistortion
{
    Reversed,
    HalvesSwapped,
    BitFlipped,
}
