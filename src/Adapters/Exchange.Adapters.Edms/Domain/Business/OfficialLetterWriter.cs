using System.Xml;

namespace Exchange.Adapters.Edms.Domain.Business;

/// <summary>Writes the region's correspondence documents: an outgoing OfficialLetter and the receipt of an incoming one.</summary>
public static class OfficialLetterWriter
{
    public static XmlElement Letter(string sender, string addressee, RegisteredDocument registration, string subject, string text,
        DateOnly? answerDeadline, Official signer, TimeZoneInfo zone)
    {
        var letter = BusinessXml.Root(BusinessTypes.OfficialLetter);
        BusinessXml.AddBody(letter, "Sender", sender);
        BusinessXml.AddBody(BusinessXml.Add(letter, "Addressee"), "Body", addressee);
        BusinessXml.AddRegistration(letter, "SenderRegistration", registration.Number.ToString(), BusinessXml.Date(registration.RegisteredAt, zone));
        BusinessXml.Add(letter, "Subject", subject);
        BusinessXml.Add(letter, "Text", text);
        if (answerDeadline is { } deadline)
        {
            BusinessXml.Add(letter, "AnswerDeadline", deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        BusinessXml.AddOfficial(letter, "Signer", signer);
        return letter;
    }

    /// <summary>The receipt that tells a letter's sender under which number the letter was registered here.</summary>
    public static XmlElement Receipt((string Number, string Date) senderRegistration, RegisteredDocument registration, TimeZoneInfo zone)
    {
        var receipt = BusinessXml.Root(BusinessTypes.OfficialLetterReceipt);
        BusinessXml.AddRegistration(receipt, "SenderRegistration", senderRegistration.Number, senderRegistration.Date);
        BusinessXml.AddRegistration(BusinessXml.Add(receipt, "Registered"), "IncomingRegistration", registration.Number.ToString(),
            BusinessXml.Date(registration.RegisteredAt, zone));
        return receipt;
    }
}
