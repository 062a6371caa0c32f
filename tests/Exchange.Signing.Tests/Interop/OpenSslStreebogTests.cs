using System.Text;
using Exchange.Signing.Algorithms;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// Streebog (GOST R 34.11-2012) from OpenSSL's GOST engine against <see cref="Digests"/>. <c>openssl dgst -binary</c> writes
/// the hash in the same byte order BouncyCastle does (the reverse of the number the standard prints), so the bytes compare
/// as they are; the inputs straddle the 64-byte block boundary.
/// </summary>
public sealed class OpenSslStreebogTests
{
    private static readonly Dictionary<string, byte[]> Inputs = new()
    {
        ["empty"] = [],
        ["abc"] = "abc"u8.ToArray(),
        ["standard message M1, 63 bytes"] = "012345678901234567890123456789012345678901234567890123456789012"u8.ToArray(),
        ["one block, 64 bytes"] = Pattern(64),
        ["one block and a byte, 65 bytes"] = Pattern(65),
        ["1000 bytes"] = Pattern(1000),
        ["Cyrillic UTF-8"] = Encoding.UTF8.GetBytes("<a:Text lang=\"ru\">Прошу продлить часы работы поликлиники</a:Text>"),
    };

    public static TheoryData<string, int> Cases { get; } = new(Inputs.Keys.SelectMany(name => new[] { (name, 256), (name, 512) }));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task openssl_and_our_streebog_give_the_same_bytes(string input, int bits)
    {
        var data = Inputs[input];
        using var scratch = new ScratchDirectory();

        var openSsl = await new OpenSslGost(scratch).DigestAsync(bits, scratch.Write("data.bin", data), TestContext.Current.CancellationToken);

        var uri = bits == 256 ? AlgorithmUris.Gost2012_256Digest : AlgorithmUris.Gost2012_512Digest;
        Assert.Equal(Convert.ToHexStringLower(Digests.Compute(uri, data)), Convert.ToHexStringLower(openSsl));
    }

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 3)).ToArray();
}
