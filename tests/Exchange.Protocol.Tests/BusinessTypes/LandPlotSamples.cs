namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>A large family from Vyborg asks for a plot in Sosnovskoye rural settlement of Priozersky district.</summary>
internal static class LandPlotSamples
{
    public const string Application = """
        <LandPlotApplication xmlns="urn://exchange.region/land-plot/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Addressee>
            <c:Name>Administration of Priozersky municipal district of Leningrad oblast</c:Name>
            <c:Ogrn>1024701646650</c:Ogrn>
          </Addressee>
          <Applicant>
            <Name>
              <c:Surname>Volkov</c:Surname>
              <c:GivenName>Dmitry</c:GivenName>
              <c:Patronymic>Sergeevich</c:Patronymic>
            </Name>
            <BirthDate>1987-05-23</BirthDate>
            <Snils>145-278-391 82</Snils>
            <Passport>
              <c:Series>4115</c:Series>
              <c:Number>778899</c:Number>
              <c:IssueDate>2015-06-04</c:IssueDate>
              <c:IssuedBy>Department of the Federal Migration Service in Vyborgsky district of Leningrad oblast</c:IssuedBy>
              <c:DivisionCode>470-027</c:DivisionCode>
            </Passport>
            <PostalAddress>
              <c:PostalCode>188800</c:PostalCode>
              <c:Region>Leningrad oblast</c:Region>
              <c:District>Vyborgsky municipal district</c:District>
              <c:Locality>Vyborg</c:Locality>
              <c:Street>Primorskoye shosse</c:Street>
              <c:House>5</c:House>
              <c:Building>2</c:Building>
              <c:Apartment>61</c:Apartment>
            </PostalAddress>
            <Email>d.volkov@example.org</Email>
          </Applicant>
          <SubmissionDate>2026-11-18</SubmissionDate>
          <Plot>
            <CadastralNumber>47:03:1101001:245</CadastralNumber>
            <Area>1200</Area>
            <Municipality>
              <District>Priozersky municipal district</District>
              <Settlement>Sosnovskoye rural settlement</Settlement>
              <Oktmo>41639460</Oktmo>
            </Municipality>
            <PermittedUse>2.1</PermittedUse>
          </Plot>
          <Right>ownership</Right>
          <Grounds>large-family</Grounds>
          <LargeFamilyCertificate>
            <c:Number>LO-47-0312456</c:Number>
            <c:Date>2024-02-15</c:Date>
            <c:Title>Certificate of a large family of Leningrad oblast</c:Title>
          </LargeFamilyCertificate>
          <Attachments>
            <c:Attachment>
              <c:ContentId>large-family-certificate</c:ContentId>
              <c:FileName>large-family-certificate.pdf</c:FileName>
              <c:MimeType>application/pdf</c:MimeType>
            </c:Attachment>
          </Attachments>
        </LandPlotApplication>
        """;

    public const string Approved = """
        <LandPlotDecision xmlns="urn://exchange.region/land-plot/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Decision>
            <c:Number>4127</c:Number>
            <c:Date>2026-12-07</c:Date>
          </Decision>
          <Approved>
            <Right>ownership</Right>
            <CadastralNumber>47:03:1101001:245</CadastralNumber>
            <Area>1200</Area>
          </Approved>
        </LandPlotDecision>
        """;

    public const string Refused = """
        <LandPlotDecision xmlns="urn://exchange.region/land-plot/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Decision>
            <c:Number>4128</c:Number>
            <c:Date>2026-12-07</c:Date>
          </Decision>
          <Refused>
            <Reason>plot-not-available</Reason>
            <LegalBasis>Land Code art. 39.16 item 2</LegalBasis>
            <Comment>The plot was leased to another citizen by decision No. 3310 of 14 September 2026.</Comment>
          </Refused>
        </LandPlotDecision>
        """;
}
