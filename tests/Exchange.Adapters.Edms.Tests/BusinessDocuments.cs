using System.Security;
using System.Xml;

namespace Exchange.Adapters.Edms.Tests;

/// <summary>Business documents of the region's types (schemas/business), with the fields the EDMS reads.</summary>
public static class BusinessDocuments
{
    private const string Common = "xmlns:c=\"urn://exchange.region/common/1.0\"";

    public static XmlElement Appeal(string text, string surname = "Иванова") => Parse($"""
        <CitizenAppeal xmlns="urn://exchange.region/appeal/1.0" {Common}>
          <Applicant><Name><c:Surname>{E(surname)}</c:Surname><c:GivenName>Мария</c:GivenName></Name><Email>m.ivanova@example.org</Email></Applicant>
          <Kind>complaint</Kind>
          <Addressee><c:Name>Администрация Приозерского района</c:Name></Addressee>
          <SubmittedAt>2026-11-09T19:05:12+03:00</SubmittedAt>
          <Text>{E(text)}</Text>
        </CitizenAppeal>
        """);

    public static XmlElement Letter(string subject, string text, string senderNumber = "01-15/2874", string? answerDeadline = null) => Parse($"""
        <OfficialLetter xmlns="urn://exchange.region/correspondence/1.0" {Common}>
          <Sender><c:Name>Администрация Выборгского района</c:Name></Sender>
          <Addressee><Body><c:Name>Администрация Приозерского района</c:Name></Body></Addressee>
          <SenderRegistration><c:Number>{E(senderNumber)}</c:Number><c:Date>2026-11-09</c:Date></SenderRegistration>
          <Subject>{E(subject)}</Subject>
          <Text>{E(text)}</Text>
          {(answerDeadline is null ? "" : $"<AnswerDeadline>{answerDeadline}</AnswerDeadline>")}
          <Signer><c:Name><c:Surname>Соколов</c:Surname><c:GivenName>Андрей</c:GivenName></c:Name><c:Position>Глава администрации</c:Position></Signer>
        </OfficialLetter>
        """);

    public static XmlElement LandPlot(string surname) => Parse($"""
        <LandPlotApplication xmlns="urn://exchange.region/land-plot/1.0" {Common}>
          <Applicant><Name><c:Surname>{E(surname)}</c:Surname><c:GivenName>Дмитрий</c:GivenName></Name></Applicant>
          <Plot><CadastralNumber>47:03:1101001:245</CadastralNumber></Plot>
        </LandPlotApplication>
        """);

    public static XmlElement Receipt(string incomingNumber) => Parse($"""
        <OfficialLetterReceipt xmlns="urn://exchange.region/correspondence/1.0" {Common}>
          <SenderRegistration><c:Number>01-16/1</c:Number><c:Date>2026-11-10</c:Date></SenderRegistration>
          <Registered><IncomingRegistration><c:Number>{E(incomingNumber)}</c:Number><c:Date>2026-11-10</c:Date></IncomingRegistration></Registered>
        </OfficialLetterReceipt>
        """);

    public static XmlElement Unknown(string text) => Parse($"""<FishingPermit xmlns="urn://elsewhere/fishing/1.0"><Lake>{E(text)}</Lake></FishingPermit>""");

    private static string E(string text) => SecurityElement.Escape(text);

    private static XmlElement Parse(string xml)
    {
        var document = new XmlDocument();
        document.LoadXml(xml);
        return document.DocumentElement!;
    }
}
