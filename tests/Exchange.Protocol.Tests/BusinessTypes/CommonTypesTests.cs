using System.Xml.Linq;

namespace Exchange.Protocol.Tests.BusinessTypes;

/// <summary>The shared types, exercised through the citizen appeal that uses most of them.</summary>
public sealed class CommonTypesTests
{
    private static readonly XNamespace Apl = BusinessNamespaces.Appeal;
    private static readonly XNamespace Cmn = BusinessNamespaces.Common;

    private static IReadOnlyList<ValidationFinding> Validate(string xml) => BusinessDocumentValidator.Validate(xml);

    private static string WithApplicantName(string surname, string givenName) => XmlSample.Edit(AppealSamples.Appeal, document =>
    {
        var name = XmlSample.The(document, Apl + "Applicant").Element(Apl + "Name")!;
        name.Element(Cmn + "Surname")!.Value = surname;
        name.Element(Cmn + "GivenName")!.Value = givenName;
    });

    [Theory]
    [InlineData("Салтыкова-Щедрина", "Анна Мария")]
    [InlineData("D'yakonova", "Ol'ga")]
    [InlineData("Мамедов", "Али оглы")]
    [InlineData("Ёлкина", "Алёна")]
    public void names_in_cyrillic_or_latin_with_hyphens_apostrophes_and_spaces_validate(string surname, string givenName)
    {
        ValidationAssert.Valid(Validate(WithApplicantName(surname, givenName)));
    }

    [Theory]
    [InlineData("Ivanova2")]
    [InlineData("Ivanova!")]
    [InlineData("-Ivanova")]
    [InlineData("Ivanova--Petrova")]
    public void a_surname_with_digits_or_stray_punctuation_is_refused(string surname)
    {
        ValidationAssert.RefusedAt(Validate(WithApplicantName(surname, "Maria")), "Surname");
    }

    [Fact]
    public void a_surname_longer_than_60_characters_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(WithApplicantName(new string('a', 61), "Maria")), "Surname");
    }

    [Fact]
    public void an_address_without_a_house_is_refused_naming_it()
    {
        ValidationAssert.Missing(Validate(XmlSample.Remove(AppealSamples.Appeal, Cmn + "House")), "PostalAddress", "House");
    }

    [Fact]
    public void a_postal_code_other_than_six_digits_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(AppealSamples.Appeal, Cmn + "PostalCode", "18873")), "PostalCode");
    }

    [Theory]
    [InlineData("8-911-000-12-34")]
    [InlineData("89110001234")]
    [InlineData("+0911000123")]
    public void a_phone_not_in_international_form_is_refused(string phone)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(AppealSamples.Appeal, Apl + "Phone", phone)), "Phone");
    }

    [Theory]
    [InlineData("1bad")]
    [InlineData("with space")]
    [InlineData("a:b")]
    public void an_attachment_content_id_that_is_neither_an_xml_name_nor_a_uuid_is_refused(string contentId)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(AppealSamples.Appeal, Cmn + "ContentId", contentId)), "ContentId");
    }

    [Fact]
    public void an_element_no_schema_declares_is_refused()
    {
        var extra = XmlSample.Edit(AppealSamples.Appeal, document => XmlSample.The(document, Apl + "Text").AddBeforeSelf(new XElement(XNamespace.Get("urn:unknown") + "Priority", "high")));
        ValidationAssert.RefusedAt(Validate(extra), "Priority");
    }
}
