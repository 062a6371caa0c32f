using System.Xml.Linq;

namespace Exchange.Protocol.Tests.BusinessTypes;

public sealed class CorrespondenceSchemaTests
{
    private static readonly XNamespace Cor = BusinessNamespaces.Correspondence;
    private static readonly XNamespace Cmn = BusinessNamespaces.Common;

    private static IReadOnlyList<ValidationFinding> Validate(string xml) => BusinessDocumentValidator.Validate(xml);

    [Fact]
    public void a_letter_without_a_subject_is_refused_naming_the_subject()
    {
        ValidationAssert.Missing(Validate(XmlSample.Remove(CorrespondenceSamples.Letter, Cor + "Subject")), "OfficialLetter", "Subject");
    }

    [Fact]
    public void a_letter_without_a_signer_is_refused_naming_the_signer()
    {
        ValidationAssert.Missing(Validate(XmlSample.Remove(CorrespondenceSamples.Letter, Cor + "Signer")), "OfficialLetter", "Signer");
    }

    [Fact]
    public void a_letter_with_only_the_required_elements_validates()
    {
        var minimal = XmlSample.Edit(CorrespondenceSamples.Letter, document =>
        {
            foreach (var optional in new[] { "ConfidentialityMark", "Summary", "AnswerDeadline", "PreviousLetters", "Attachments" })
            {
                XmlSample.The(document, Cor + optional).Remove();
            }
            XmlSample.The(document, Cor + "Official").Remove();
        });
        ValidationAssert.Valid(Validate(minimal));
    }

    [Fact]
    public void a_confidentiality_mark_outside_the_enumeration_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(CorrespondenceSamples.Letter, Cor + "ConfidentialityMark", "secret")), "ConfidentialityMark");
    }

    [Fact]
    public void a_letter_text_of_100000_characters_validates_and_one_more_is_refused()
    {
        ValidationAssert.Valid(Validate(XmlSample.Set(CorrespondenceSamples.Letter, Cor + "Text", new string('a', 100_000))));
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(CorrespondenceSamples.Letter, Cor + "Text", new string('a', 100_001))), "Text");
    }

    [Fact]
    public void a_letter_text_of_white_space_only_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(CorrespondenceSamples.Letter, Cor + "Text", " \n\t ")), "Text");
    }

    [Fact]
    public void two_attachments_with_the_same_content_id_are_refused()
    {
        var duplicate = XmlSample.Edit(CorrespondenceSamples.Letter, document => document.Descendants(Cmn + "ContentId").Last().Value = "att-connection-plan");
        ValidationAssert.ViolatesConstraint(Validate(duplicate), "LetterAttachmentContentIdIsUnique");
    }

    [Fact]
    public void an_attachment_mime_type_with_parameters_is_refused()
    {
        var withCharset = XmlSample.Edit(CorrespondenceSamples.Letter, document => document.Descendants(Cmn + "MimeType").First().Value = "text/plain; charset=utf-8");
        ValidationAssert.RefusedAt(Validate(withCharset), "MimeType");
    }

    [Fact]
    public void an_attachment_file_name_with_a_directory_is_refused()
    {
        var withPath = XmlSample.Edit(CorrespondenceSamples.Letter, document => document.Descendants(Cmn + "FileName").First().Value = "../../etc/passwd");
        ValidationAssert.RefusedAt(Validate(withPath), "FileName");
    }

    [Fact]
    public void a_rejected_receipt_with_its_reason_validates()
    {
        ValidationAssert.Valid(Validate(CorrespondenceSamples.RejectedReceipt));
    }

    [Fact]
    public void a_rejection_reason_outside_the_enumeration_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(CorrespondenceSamples.RejectedReceipt, Cor + "Reason", "too-busy")), "Reason");
    }

    [Fact]
    public void a_receipt_that_is_both_registered_and_rejected_is_refused()
    {
        var both = XmlSample.Edit(CorrespondenceSamples.RegisteredReceipt,
            document => document.Root!.Add(BusinessDocumentValidator.Load(CorrespondenceSamples.RejectedReceipt).Root!.Element(Cor + "Rejected")));
        ValidationAssert.RefusedAt(Validate(both), "Rejected");
    }

    [Fact]
    public void a_receipt_without_a_status_is_refused_naming_both_statuses()
    {
        var findings = Validate(XmlSample.Remove(CorrespondenceSamples.RegisteredReceipt, Cor + "Registered"));
        ValidationAssert.Missing(findings, "OfficialLetterReceipt", "Registered");
        ValidationAssert.Missing(findings, "OfficialLetterReceipt", "Rejected");
    }
}
