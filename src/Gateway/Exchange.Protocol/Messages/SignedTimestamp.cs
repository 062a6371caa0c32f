using System.Xml;
using Exchange.Protocol.Faults;

namespace Exchange.Protocol.Messages;

/// <summary>The signed <c>basic:Timestamp</c> of a call that has no MessageID: when its caller says it made it.</summary>
public static class SignedTimestamp
{
    public static DateTimeOffset Parse(string text)
    {
        try
        {
            return XmlConvert.ToDateTimeOffset(text);
        }
        catch (FormatException)
        {
            throw SmevFaultException.InvalidStructure($"Timestamp '{text}' is not an xs:dateTime.");
        }
    }
}
