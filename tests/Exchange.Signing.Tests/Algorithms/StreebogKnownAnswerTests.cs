using Exchange.Signing.Algorithms;

namespace Exchange.Signing.Tests.Algorithms;

/// <summary>
/// The examples of GOST R 34.11-2012 (also RFC 6986 §10), typed here as the standard prints them: each vector written
/// as one number, most significant byte first. The hash works on the bytes least significant first, so both the message
/// and the expected hash are reversed before comparing; that reversed order is also how BouncyCastle (and so SMEV's
/// DigestValue) lays the bytes out.
/// </summary>
public sealed class StreebogKnownAnswerTests
{
    // "012345678901234567890123456789012345678901234567890123456789012" in ASCII, 63 bytes.
    private const string M1 =
        "323130393837363534333231303938373635343332313039383736353433323130393837363534333231303938373635343332313039383736353433323130";

    // "Се ветри, Стрибожи внуци, веютъ с моря стрелами на храбрыя плъкы Игоревы" in Windows-1251, 72 bytes.
    private const string M2 =
        "fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202ce8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1";

    [Theory]
    [InlineData(M1, "00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d")]
    [InlineData(M2, "508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d")]
    public void streebog_256_matches_the_standard_examples(string message, string expected) =>
        Assert.Equal(FromStandardNotation(expected), Digests.Compute(AlgorithmUris.Gost2012_256Digest, FromStandardNotation(message)));

    [Theory]
    [InlineData(M1, "486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b")]
    [InlineData(M2, "28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f037613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e")]
    public void streebog_512_matches_the_standard_examples(string message, string expected) =>
        Assert.Equal(FromStandardNotation(expected), Digests.Compute(AlgorithmUris.Gost2012_512Digest, FromStandardNotation(message)));

    [Fact]
    public void the_standard_message_m1_is_the_ascii_digits_in_reading_order() =>
        Assert.Equal("012345678901234567890123456789012345678901234567890123456789012"u8.ToArray(), FromStandardNotation(M1));

    [Fact]
    public void the_xmldsig_more_alias_of_streebog_256_hashes_the_same() =>
        Assert.Equal(
            Digests.Compute(AlgorithmUris.Gost2012_256Digest, FromStandardNotation(M2)),
            Digests.Compute("http://www.w3.org/2001/04/xmldsig-more#gostr34112012-256", FromStandardNotation(M2)));

    private static byte[] FromStandardNotation(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Array.Reverse(bytes);
        return bytes;
    }
}
