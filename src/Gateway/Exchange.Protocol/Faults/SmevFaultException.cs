namespace Exchange.Protocol.Faults;

/// <summary>Thrown where a request must be refused; the SOAP layer turns it into the fault it carries.</summary>
public sealed class SmevFaultException : Exception
{
    public SmevFaultException(SmevFault fault, Exception? inner = null)
        : base(fault.FaultString, inner)
    {
        Fault = fault;
    }

    public SmevFault Fault { get; }
}
