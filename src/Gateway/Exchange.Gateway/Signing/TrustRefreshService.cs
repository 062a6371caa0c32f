using System.Security.Cryptography;
using Exchange.Signing.Certificates;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Signing;

/// <summary>
/// Re-reads the trusted CA certificates and CRLs every <see cref="SigningOptions.TrustRefreshInterval"/>: when a CA
/// publishes a new CRL (replaced in place), the certificates it revokes are refused without a restart. A file that
/// cannot be read leaves the current trust in force.
/// </summary>
public sealed class TrustRefreshService(
    CertificateValidator validator,
    IOptions<SigningOptions> options,
    ILogger<TrustRefreshService> logger) : BackgroundService
{
    private byte[]? _loaded;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The files may have changed between start-up's load and now: compare from the start, never throw here.
        Refresh();
        using var timer = new PeriodicTimer(options.Value.TrustRefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Refresh();
        }
    }

    /// <summary>Reloads the trust files if they changed; true when the trust was replaced.</summary>
    public bool Refresh()
    {
        var signing = options.Value;
        try
        {
            var fingerprint = Fingerprint();
            if (_loaded is not null && fingerprint.AsSpan().SequenceEqual(_loaded))
            {
                return false;
            }
            validator.Replace(TrustStore.FromFiles(signing.TrustedCertificates, signing.Crls, signing.RequireCrl));
            _loaded = fingerprint;
            Log.TrustReloaded(logger, signing.TrustedCertificates.Length, signing.Crls.Length);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or CryptographicException
                                      or Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Security.Certificates.CrlException)
        {
            Log.TrustReloadFailed(logger, e);
            return false;
        }
    }

    private byte[] Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in options.Value.TrustedCertificates.Concat(options.Value.Crls))
        {
            hash.AppendData(File.ReadAllBytes(file));
        }
        return hash.GetHashAndReset();
    }
}
