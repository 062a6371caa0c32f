using Exchange.Adapters.Sdk;

namespace Exchange.Adapters.Contracts;

/// <summary>
/// The gateway the suite runs against, as the subclass provides it: where the adapter connects, the files it signs
/// and verifies with, and a client of the counterpart, the information system that sends to the adapter and answers it.
/// </summary>
public abstract class ContractGateway
{
    /// <summary>The gateway's SOAP endpoint (<c>Exchange:Client:Endpoint</c>).</summary>
    public abstract Uri SoapEndpoint { get; }

    /// <summary>The adapter's participant mnemonic in the gateway's directory: it provides the counterpart's request type.</summary>
    public abstract string AdapterParticipant { get; }

    /// <summary>The counterpart's participant mnemonic: the adapter's requests go to it (SMEV's <c>To</c>).</summary>
    public abstract string CounterpartParticipant { get; }

    /// <summary>The adapter system's PKCS#12 key file and its password (<c>Exchange:Client:KeyFile</c>, <c>KeyPassword</c>).</summary>
    public abstract string AdapterKeyFile { get; }

    public abstract string? AdapterKeyPassword { get; }

    /// <summary>The CA certificate the gateway's and senders' certificates chain to, and its CRL.</summary>
    public abstract string TrustedCertificateFile { get; }

    public abstract string? CrlFile { get; }

    /// <summary>The clock the adapter signs its timestamps with: the gateway's, which a test gateway may hold still.</summary>
    public virtual TimeProvider Time => TimeProvider.System;

    /// <summary>A client of the counterpart system.</summary>
    public abstract ExchangeClient Counterpart();

    /// <summary>A client of the adapter's own system, for the suite to take a message before the adapter does.</summary>
    public abstract ExchangeClient AdapterSystem();

    /// <summary>
    /// Lets every lease run out, so what was handed out and not acknowledged is handed out again: a gateway in the test's
    /// process moves its clock past <c>Exchange:Delivery:LeaseDuration</c>; one outside waits the (shortened) lease.
    /// </summary>
    public abstract Task ExpireLeasesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Hands an acknowledged message to its recipient once more, as the gateway does when the Ack was lost (the adapter
    /// crashed after its commit, before its Ack reached the gateway): clear the inbox row's <c>acknowledged_at</c>.
    /// </summary>
    public abstract Task HandOutAgainAsync(Guid messageId, CancellationToken cancellationToken);
}
