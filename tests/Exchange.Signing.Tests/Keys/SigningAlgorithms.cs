using Exchange.Signing.Algorithms;

namespace Exchange.Signing.Tests.Keys;

/// <summary>Theory data: every algorithm we sign with (all but GOST 2001).</summary>
public static class SigningAlgorithms
{
    public static TheoryData<KeyAlgorithm> All =>
        new(KeyAlgorithm.Gost2012_256, KeyAlgorithm.Gost2012_512, KeyAlgorithm.Rsa, KeyAlgorithm.EcdsaP256);
}
