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

    /// <summary>The request's XML is well-formed but not built as the operation requires (SMEV's <c>InvalidContent</c>).</summary>
    public static SmevFaultException InvalidStructure(string description) =>
        new(SmevFault.InvalidContent(FaultCodes.InvalidStructure, description));
}
