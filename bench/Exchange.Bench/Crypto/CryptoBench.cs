using Exchange.Signing.Algorithms;
using Exchange.Signing.Xml;

namespace Exchange.Bench.Crypto;

/// <summary>
/// <c>scripts/bench.sh crypto</c>: signatures per second and verifications per second (with certificate trust) of the
/// SMEV profile per algorithm, for 2 KB and 100 KB request data, on one core and on all; then the crypto cost of one
/// message's send → get → ack path.
/// </summary>
internal static class CryptoBench
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);
    private static readonly KeyAlgorithm[] Algorithms = [KeyAlgorithm.Gost2012_256, KeyAlgorithm.Gost2012_512, KeyAlgorithm.Rsa, KeyAlgorithm.EcdsaP256];

    public static int Run()
    {
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"crypto bench: {cores} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Duration.TotalSeconds:0} s per figure");
        Console.WriteLine("sign = c14n + SMEV transform + digest + signature; verify = the hardened verifier + certificate chain and CRL check");
        Console.WriteLine();
        Console.WriteLine($"{"algorithm",-14} {"content",8} {"sign/s 1 core",14} {$"sign/s {cores} cores",14} {"verify/s 1 core",16} {$"verify/s {cores} cores",16}");
        foreach (var algorithm in Algorithms)
        {
            using var keys = new CryptoKeys(algorithm);
            foreach (var size in new[] { 2 * 1024, 100 * 1024 })
            {
                Func<Action> sign = () => SignOperation(keys, size);
                Func<Action> verify = () => VerifyOperation(keys, size);
                Console.WriteLine($"{algorithm,-14} {size / 1024,6} KB {Throughput.PerSecond(sign, 1, Duration),14:0} {Throughput.PerSecond(sign, cores, Duration),14:0} " +
                                  $"{Throughput.PerSecond(verify, 1, Duration),16:0} {Throughput.PerSecond(verify, cores, Duration),16:0}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("one message's path, 2 KB content: 5 signatures (request data, its receipt, selector, Request handed over, Ack target)");
        Console.WriteLine("and 5 verifications with certificate trust (the gateway checks 3 calls, the clients check 2 gateway answers)");
        foreach (var algorithm in Algorithms)
        {
            using var keys = new CryptoKeys(algorithm);
            var perSecond = Throughput.PerSecond(() =>
            {
                var (signLarge, verifyLarge) = (SignOperation(keys, 2 * 1024), VerifyOperation(keys, 2 * 1024));
                var (signSmall, verifySmall) = (SignOperation(keys, 0), VerifyOperation(keys, 0));
                return () =>
                {
                    signLarge();
                    verifyLarge();
                    for (var i = 0; i < 3; i++)
                    {
                        signSmall();
                        verifySmall();
                    }
                    signLarge();
                    verifyLarge();
                };
            }, 1, Duration);
            Console.WriteLine($"  {algorithm,-14} {1000 / perSecond,6:0.00} ms of crypto per message on one core (≈ {perSecond:0} messages/s/core if crypto were all)");
        }
        return 0;
    }

    private static Action SignOperation(CryptoKeys keys, int contentBytes)
    {
        var (target, _) = contentBytes == 0 ? CryptoEnvelope.Small() : CryptoEnvelope.RequestData(contentBytes);
        return () => XmlSigner.Sign(target, keys.Participant);
    }

    private static Action VerifyOperation(CryptoKeys keys, int contentBytes)
    {
        var (target, holder) = contentBytes == 0 ? CryptoEnvelope.Small() : CryptoEnvelope.RequestData(contentBytes);
        holder.AppendChild(XmlSigner.Sign(target, keys.Participant));
        return () =>
        {
            var verified = XmlSignatureVerifier.Verify(holder, target);
            keys.Validator.Validate(verified.CertificateDer, DateTimeOffset.UtcNow);
        };
    }
}
