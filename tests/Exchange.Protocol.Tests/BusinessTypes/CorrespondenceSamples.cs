namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>A letter from the Vyborgsky district administration to the regional digital development committee, and its receipts.</summary>
internal static class CorrespondenceSamples
{
    public const string Letter = """
        <OfficialLetter xmlns="urn://exchange.region/correspondence/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <Sender>
            <c:Name>Administration of Vyborgsky municipal district of Leningrad oblast</c:Name>
            <c:Ogrn>1024700873830</c:Ogrn>
            <c:Inn>4704012345</c:Inn>
          </Sender>
          <Addressee>
            <Body>
              <c:Name>Committee for Digital Development of Leningrad oblast</c:Name>
            </Body>
            <Official>
              <c:Name>
                <c:Surname>Orlova</c:Surname>
                <c:GivenName>Tatiana</c:GivenName>
                <c:Patronymic>Yurievna</c:Patronymic>
              </c:Name>
              <c:Position>Chairwoman of the Committee</c:Position>
            </Official>
          </Addressee>
          <SenderRegistration>
            <c:Number>01-15/2874</c:Number>
            <c:Date>2026-11-25</c:Date>
          </SenderRegistration>
          <ConfidentialityMark>for-official-use-only</ConfidentialityMark>
          <Subject>Connecting the district archive to the interagency exchange</Subject>
          <Summary>The district asks for the archive to be connected as a participant and sends its connection plan.</Summary>
          <Text>Dear Tatiana Yurievna,

        In reply to your letter No. KTsR-2341/2026 of 30 October 2026, the administration of Vyborgsky municipal
        district asks the Committee to connect the municipal archive (Vyborg, Krepostnaya street, 34) to the regional
        interagency exchange as a participant in the first quarter of 2027. The connection plan and the list of the
        archive's funds that will be available for requests are enclosed.</Text>
          <AnswerDeadline>2026-12-25</AnswerDeadline>
          <Signer>
            <c:Name>
              <c:Surname>Sokolov</c:Surname>
              <c:GivenName>Andrei</c:GivenName>
              <c:Patronymic>Viktorovich</c:Patronymic>
            </c:Name>
            <c:Position>Head of the Administration</c:Position>
          </Signer>
          <PreviousLetters>
            <Letter>
              <c:Number>KTsR-2341/2026</c:Number>
              <c:Date>2026-10-30</c:Date>
              <c:Title>On connecting municipal archives to the interagency exchange</c:Title>
            </Letter>
          </PreviousLetters>
          <Attachments>
            <c:Attachment>
              <c:ContentId>att-connection-plan</c:ContentId>
              <c:FileName>Connection plan, Vyborg archive.pdf</c:FileName>
              <c:MimeType>application/pdf</c:MimeType>
              <c:Description>Connection plan, 4 pages</c:Description>
            </c:Attachment>
            <c:Attachment>
              <c:ContentId>5f0c1a9e-3b7d-4c21-9a4e-8d2f6b1c7e30</c:ContentId>
              <c:FileName>archive-funds.xlsx</c:FileName>
              <c:MimeType>application/vnd.openxmlformats-officedocument.spreadsheetml.sheet</c:MimeType>
            </c:Attachment>
          </Attachments>
        </OfficialLetter>
        """;

    public const string RegisteredReceipt = """
        <OfficialLetterReceipt xmlns="urn://exchange.region/correspondence/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <SenderRegistration>
            <c:Number>01-15/2874</c:Number>
            <c:Date>2026-11-25</c:Date>
          </SenderRegistration>
          <Registered>
            <IncomingRegistration>
              <c:Number>KTsR-vh-5120/2026</c:Number>
              <c:Date>2026-11-26</c:Date>
            </IncomingRegistration>
          </Registered>
        </OfficialLetterReceipt>
        """;

    public const string RejectedReceipt = """
        <OfficialLetterReceipt xmlns="urn://exchange.region/correspondence/1.0" xmlns:c="urn://exchange.region/common/1.0">
          <SenderRegistration>
            <c:Number>01-15/2874</c:Number>
            <c:Date>2026-11-25</c:Date>
          </SenderRegistration>
          <Rejected>
            <Reason>missing-attachments</Reason>
            <Comment>The letter lists archive-funds.xlsx, but the message carried only the connection plan.</Comment>
          </Rejected>
        </OfficialLetterReceipt>
        """;
}
