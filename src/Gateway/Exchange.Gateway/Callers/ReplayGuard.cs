using System.Security.Cryptography;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Calls;
using Exchange.Protocol.Faults;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Callers;

/// <summary>
/// Makes a signed call without a MessageID (GetRequest, GetResponse, GetStatus) fresh and usable once: its signed
/// Timestamp must lie within <see cref="SoapOptions.TimestampWindow"/> of the gateway's clock, and the same signed
/// content from the same signer is answered only the first time, on whichever node it arrives. Without this, anyone
/// who captured such a call could post it again and again to empty its signer's queue.
/// </summary>
public sealed class ReplayGuard(ReplayCache cache, IOptions<SoapOptions> options, TimeProvider time)
{
    /// <param name="system">The information system that signed the call (as the directory knows it).</param>
    /// <param name="contentDigest">The digest of the signed content, as the signature's reference computed it.</param>
    /// <param name="timestamp">The signed Timestamp.</param>
    public async Task AdmitOnceAsync(string system, byte[] contentDigest, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        var window = options.Value.TimestampWindow;
        var now = time.GetUtcNow();
        if (timestamp < now - window || timestamp > now + window)
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.StaleTimestamp,
                $"The signed Timestamp {timestamp:O} is more than {window} from the gateway's time {now:O}: sign the call anew " +
                "with the current time (and check this system's clock)."));
        }
        if (!await cache.TryRecordAsync(CallIdentity(system, contentDigest), timestamp + window, cancellationToken))
        {
            throw new SmevFaultException(SmevFault.InvalidContent(FaultCodes.ReplayedCall,
                $"This signed call (Timestamp {timestamp:O}) was answered already; every call is signed anew with its own Timestamp."));
        }
    }

    /// <summary>
    /// Forgets the calls whose Timestamps have left the window. A further window of grace covers nodes whose clocks
    /// run behind this one's: they may still accept such a Timestamp a little longer.
    /// </summary>
    public Task<int> ForgetOldAsync(CancellationToken cancellationToken) =>
        cache.ForgetAsync(time.GetUtcNow() - options.Value.TimestampWindow, cancellationToken);

    // The system and the signed content: the same selector and Timestamp from another system is another call. Not the
    // certificate, which ds:KeyInfo carries outside the signature: a system with two certificates for one key (a
    // rollover, a request certified twice) would otherwise have each captured call accepted once per certificate.
    private static byte[] CallIdentity(string system, byte[] contentDigest) =>
        SHA256.HashData([.. SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(system)), .. contentDigest]);
}
