namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>A Vyborg pensioner books a general practitioner at the Vyborg interdistrict hospital.</summary>
internal static class DoctorAppointmentSamples
{
    public const string Request = """
        <DoctorAppointmentRequest xmlns="urn://exchange.region/doctor-appointment/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Patient>
            <Name>
              <c:Surname>Smirnov</c:Surname>
              <c:GivenName>Pavel</c:GivenName>
              <c:Patronymic>Andreevich</c:Patronymic>
            </Name>
            <BirthDate>1961-03-14</BirthDate>
            <Snils>112-233-445 95</Snils>
            <OmsPolicyNumber>4750340829000117</OmsPolicyNumber>
            <Phone>+79219876543</Phone>
          </Patient>
          <MedicalOrganisationId>1.2.643.5.1.13.13.12.2.47.10254</MedicalOrganisationId>
          <SpecialtyCode>109</SpecialtyCode>
          <DesiredSlot>
            <Date>2026-12-03</Date>
            <EarliestTime>09:00:00</EarliestTime>
            <LatestTime>12:00:00</LatestTime>
          </DesiredSlot>
          <Comment>Repeat visit, blood pressure check</Comment>
        </DoctorAppointmentRequest>
        """;

    public const string Confirmed = """
        <DoctorAppointmentResult xmlns="urn://exchange.region/doctor-appointment/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Confirmed>
            <AppointmentId>VMB-2026-0048812</AppointmentId>
            <StartsAt>2026-12-03T10:40:00+03:00</StartsAt>
            <DurationMinutes>15</DurationMinutes>
            <Doctor>
              <Name>
                <c:Surname>Kuznetsova</c:Surname>
                <c:GivenName>Elena</c:GivenName>
                <c:Patronymic>Sergeevna</c:Patronymic>
              </Name>
              <Position>District general practitioner</Position>
            </Doctor>
            <Cabinet>214</Cabinet>
            <Address>
              <c:PostalCode>188800</c:PostalCode>
              <c:Region>Leningrad oblast</c:Region>
              <c:District>Vyborgsky municipal district</c:District>
              <c:Locality>Vyborg</c:Locality>
              <c:Street>Oktyabrskaya street</c:Street>
              <c:House>2</c:House>
            </Address>
          </Confirmed>
        </DoctorAppointmentResult>
        """;

    public const string Refused = """
        <DoctorAppointmentResult xmlns="urn://exchange.region/doctor-appointment/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Refused>
            <Reason>no-free-slots</Reason>
            <Comment>All morning appointments on 3 December are taken.</Comment>
            <NearestFreeDate>2026-12-07</NearestFreeDate>
          </Refused>
        </DoctorAppointmentResult>
        """;
}
