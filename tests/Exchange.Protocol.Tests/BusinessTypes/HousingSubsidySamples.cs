namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>A retired couple in Priozersk apply for a housing and utilities subsidy.</summary>
internal static class HousingSubsidySamples
{
    public const string Application = """
        <HousingSubsidyApplication xmlns="urn://exchange.region/housing-subsidy/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Applicant>
            <Name>
              <c:Surname>Petrova</c:Surname>
              <c:GivenName>Olga</c:GivenName>
              <c:Patronymic>Nikolaevna</c:Patronymic>
            </Name>
            <BirthDate>1958-07-02</BirthDate>
            <Snils>123-456-789 64</Snils>
            <Passport>
              <c:Series>4103</c:Series>
              <c:Number>512345</c:Number>
              <c:IssueDate>2003-08-12</c:IssueDate>
              <c:IssuedBy>Department of Internal Affairs of Priozersky district of Leningrad oblast</c:IssuedBy>
              <c:DivisionCode>472-018</c:DivisionCode>
            </Passport>
            <Phone>+78137923456</Phone>
          </Applicant>
          <SubmissionDate>2026-11-10</SubmissionDate>
          <Dwelling>
            <Address>
              <c:PostalCode>188760</c:PostalCode>
              <c:Region>Leningrad oblast</c:Region>
              <c:District>Priozersky municipal district</c:District>
              <c:Settlement>Priozerskoye urban settlement</c:Settlement>
              <c:Locality>Priozersk</c:Locality>
              <c:Street>Leningradskaya street</c:Street>
              <c:House>36</c:House>
              <c:Apartment>17</c:Apartment>
            </Address>
            <Tenure>owner</Tenure>
            <TotalArea>44.6</TotalArea>
          </Dwelling>
          <Household>
            <Member>
              <Name>
                <c:Surname>Petrova</c:Surname>
                <c:GivenName>Olga</c:GivenName>
                <c:Patronymic>Nikolaevna</c:Patronymic>
              </Name>
              <BirthDate>1958-07-02</BirthDate>
              <Snils>123-456-789 64</Snils>
              <Relation>applicant</Relation>
              <MonthlyIncome>21450.00</MonthlyIncome>
            </Member>
            <Member>
              <Name>
                <c:Surname>Petrov</c:Surname>
                <c:GivenName>Nikolai</c:GivenName>
                <c:Patronymic>Ivanovich</c:Patronymic>
              </Name>
              <BirthDate>1955-01-19</BirthDate>
              <Snils>234-567-890 99</Snils>
              <Relation>spouse</Relation>
              <MonthlyIncome>18900.50</MonthlyIncome>
            </Member>
          </Household>
          <MonthlyCosts>
            <Housing>2380.45</Housing>
            <Utilities>5120.80</Utilities>
          </MonthlyCosts>
          <BankAccount>
            <Bik>044030653</Bik>
            <AccountNumber>40817810655001234567</AccountNumber>
            <BankName>North-Western Bank of Sberbank</BankName>
          </BankAccount>
          <Attachments>
            <c:Attachment>
              <c:ContentId>pension-certificate</c:ContentId>
              <c:FileName>pension-certificate-2026.pdf</c:FileName>
              <c:MimeType>application/pdf</c:MimeType>
            </c:Attachment>
          </Attachments>
        </HousingSubsidyApplication>
        """;

    public const string Granted = """
        <HousingSubsidyDecision xmlns="urn://exchange.region/housing-subsidy/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Decision>
            <c:Number>SUB-47-1187</c:Number>
            <c:Date>2026-11-20</c:Date>
          </Decision>
          <Granted>
            <MonthlyAmount>2143.18</MonthlyAmount>
            <FirstMonth>2026-11</FirstMonth>
            <LastMonth>2027-04</LastMonth>
          </Granted>
        </HousingSubsidyDecision>
        """;

    public const string Refused = """
        <HousingSubsidyDecision xmlns="urn://exchange.region/housing-subsidy/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Decision>
            <c:Number>SUB-47-1188</c:Number>
            <c:Date>2026-11-20</c:Date>
          </Decision>
          <Refused>
            <Reason>costs-within-standard-share</Reason>
            <Comment>Housing and utility costs are 18.9 % of the household's income, below the regional maximum share of 22 %.</Comment>
          </Refused>
        </HousingSubsidyDecision>
        """;
}
