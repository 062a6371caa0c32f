namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>A resident of Sosnovo (Priozersky district) writes to the regional health committee through the portal.</summary>
internal static class AppealSamples
{
    public const string Appeal = """
        <CitizenAppeal xmlns="urn://exchange.region/appeal/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Applicant>
            <Name>
              <c:Surname>Ivanova</c:Surname>
              <c:GivenName>Maria</c:GivenName>
              <c:Patronymic>Petrovna</c:Patronymic>
            </Name>
            <PostalAddress>
              <c:PostalCode>188731</c:PostalCode>
              <c:Region>Leningrad oblast</c:Region>
              <c:District>Priozersky municipal district</c:District>
              <c:Settlement>Sosnovskoye rural settlement</c:Settlement>
              <c:Locality>Sosnovo</c:Locality>
              <c:Street>Lesnaya street</c:Street>
              <c:House>12</c:House>
              <c:Apartment>4</c:Apartment>
            </PostalAddress>
            <Email>m.ivanova@example.org</Email>
            <Phone>+79110001234</Phone>
          </Applicant>
          <Kind>application</Kind>
          <Addressee>
            <c:Name>Health Committee of Leningrad oblast</c:Name>
            <c:Ogrn>1027809244561</c:Ogrn>
            <c:Inn>7808043833</c:Inn>
          </Addressee>
          <SubmittedAt>2026-11-24T19:05:12+03:00</SubmittedAt>
          <Text>Since September the outpatient clinic in Sosnovo is closed on Saturdays, and the nearest one open is in
        Priozersk, 40 km away, with two buses a day. Working people and schoolchildren of Sosnovskoye rural settlement
        cannot see a doctor without taking a day off. Please restore Saturday hours at the Sosnovo clinic, at least
        for the general practitioner and the paediatrician.</Text>
          <Attachments>
            <c:Attachment>
              <c:ContentId>photo-1</c:ContentId>
              <c:FileName>clinic-opening-hours.jpg</c:FileName>
              <c:MimeType>image/jpeg</c:MimeType>
              <c:Description>Photograph of the notice on the clinic door</c:Description>
            </c:Attachment>
          </Attachments>
        </CitizenAppeal>
        """;

    public const string Answer = """
        <CitizenAppealAnswer xmlns="urn://exchange.region/appeal/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Registration>
            <c:Number>OG-1123/26</c:Number>
            <c:Date>2026-11-25</c:Date>
          </Registration>
          <Outcome>supported-measures-taken</Outcome>
          <AnswerDate>2026-12-18</AnswerDate>
          <AnsweredBy>
            <c:Name>
              <c:Surname>Lebedev</c:Surname>
              <c:GivenName>Sergei</c:GivenName>
              <c:Patronymic>Olegovich</c:Patronymic>
            </c:Name>
            <c:Position>Deputy Chairman of the Health Committee of Leningrad oblast</c:Position>
          </AnsweredBy>
          <AnswerText>Dear Maria Petrovna,

        The Committee has considered your appeal. From 10 January 2027 the Sosnovo outpatient clinic of the Priozersk
        interdistrict hospital will receive patients on Saturdays from 9:00 to 14:00: a general practitioner every
        Saturday and a paediatrician on the first and third Saturdays of the month.</AnswerText>
        </CitizenAppealAnswer>
        """;
}
