using System.Xml.Linq;

namespace Exchange.Protocol.Tests.BusinessTypes;

public sealed class CitizenAppealSchemaTests
{
    private static readonly XNamespace Apl = BusinessNamespaces.Appeal;

    private static IReadOnlyList<ValidationFinding> Validate(string xml) => BusinessDocumentValidator.Validate(xml);

    [Fact]
    public void an_applicant_with_neither_postal_address_nor_email_is_refused_naming_both()
    {
        var neither = XmlSample.Edit(AppealSamples.Appeal, document =>
        {
            XmlSample.The(document, Apl + "PostalAddress").Remove();
            XmlSample.The(document, Apl + "Email").Remove();
        });
        var findings = Validate(neither);
        ValidationAssert.Missing(findings, "Applicant", "PostalAddress");
        ValidationAssert.Missing(findings, "Applicant", "Email");
    }

    [Fact]
    public void an_applicant_with_neither_address_nor_email_nor_phone_is_refused_too()
    {
        var bare = XmlSample.Edit(AppealSamples.Appeal, document =>
        {
            foreach (var contact in new[] { "PostalAddress", "Email", "Phone" })
            {
                XmlSample.The(document, Apl + contact).Remove();
            }
        });
        ValidationAssert.Missing(Validate(bare), "Applicant", "PostalAddress");
    }

    [Fact]
    public void an_applicant_with_only_an_email_validates()
    {
        ValidationAssert.Valid(Validate(XmlSample.Remove(AppealSamples.Appeal, Apl + "PostalAddress")));
    }

    [Fact]
    public void an_applicant_with_only_a_postal_address_validates()
    {
        ValidationAssert.Valid(Validate(XmlSample.Remove(AppealSamples.Appeal, Apl + "Email")));
    }

    [Fact]
    public void an_email_without_an_at_sign_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(AppealSamples.Appeal, Apl + "Email", "m.ivanova.example.org")), "Email");
    }

    [Fact]
    public void an_appeal_kind_outside_the_enumeration_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(AppealSamples.Appeal, Apl + "Kind", "petition")), "Kind");
    }

    [Fact]
    public void an_appeal_text_of_20000_characters_validates_and_one_more_is_refused()
    {
        ValidationAssert.Valid(Validate(XmlSample.Set(AppealSamples.Appeal, Apl + "Text", new string('ж', 20_000))));
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(AppealSamples.Appeal, Apl + "Text", new string('ж', 20_001))), "Text");
    }

    [Fact]
    public void an_appeal_without_text_is_refused_naming_the_text()
    {
        ValidationAssert.Missing(Validate(XmlSample.Remove(AppealSamples.Appeal, Apl + "Text")), "CitizenAppeal", "Text");
    }

    [Fact]
    public void a_submission_time_without_an_offset_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(AppealSamples.Appeal, Apl + "SubmittedAt", "2026-11-24T19:05:12")), "SubmittedAt");
    }

    [Fact]
    public void a_topic_code_of_the_thematic_classifier_validates_and_a_malformed_one_is_refused()
    {
        string WithTopic(string code) => XmlSample.Edit(AppealSamples.Appeal,
            document => XmlSample.The(document, Apl + "Text").AddBeforeSelf(new XElement(Apl + "TopicCode", code)));
        ValidationAssert.Valid(Validate(WithTopic("0003.0009.0096.0574")));
        ValidationAssert.RefusedAt(Validate(WithTopic("3.9.96.574")), "TopicCode");
    }

    [Fact]
    public void an_answer_outcome_outside_the_enumeration_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(AppealSamples.Answer, Apl + "Outcome", "ignored")), "Outcome");
    }

    [Fact]
    public void an_answer_without_the_official_who_answered_is_refused_naming_it()
    {
        ValidationAssert.Missing(Validate(XmlSample.Remove(AppealSamples.Answer, Apl + "AnsweredBy")), "CitizenAppealAnswer", "AnsweredBy");
    }
}
