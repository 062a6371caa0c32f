using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exchange.Gateway.Tests;

/// <summary>Self-signed RSA certificates standing for participants' information systems.</summary>
public static class TestCertificates
{
    public static X509Certificate2 Create(string commonName, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}, O=Exchange tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(1));
    }
}
