using System.Xml.Linq;

namespace Exchange.Protocol.Tests.BusinessTypes;

public sealed class HousingSubsidySchemaTests
{
    private static readonly XNamespace Hsg = BusinessNamespaces.HousingSubsidy;
    private static readonly XNamespace Cmn = BusinessNamespaces.Common;

    private static IReadOnlyList<ValidationFinding> Validate(string xml) => BusinessDocumentValidator.Validate(xml);

    [Theory]
    [InlineData("Series", "410")]
    [InlineData("Series", "41 03")]
    [InlineData("Number", "5123456")]
    [InlineData("Number", "51234")]
    public void a_passport_series_other_than_4_digits_or_number_other_than_6_is_refused(string element, string value)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(HousingSubsidySamples.Application, Cmn + element, value)), element);
    }

    [Fact]
    public void a_wrong_member_snils_is_refused_on_that_member()
    {
        var wrong = XmlSample.Edit(HousingSubsidySamples.Application, document => document.Descendants(Hsg + "Member").Last().Element(Hsg + "Snils")!.Value = "234567890 99");
        ValidationAssert.RefusedAt(Validate(wrong), "Snils");
    }

    [Fact]
    public void a_household_of_20_members_validates_and_21_are_refused()
    {
        ValidationAssert.Valid(Validate(WithMembers(20)));
        ValidationAssert.RefusedAt(Validate(WithMembers(21)), "Member");
    }

    [Fact]
    public void an_empty_household_is_refused_naming_the_member()
    {
        var empty = XmlSample.Edit(HousingSubsidySamples.Application, document => XmlSample.The(document, Hsg + "Household").RemoveNodes());
        ValidationAssert.Missing(Validate(empty), "Household", "Member");
    }

    [Fact]
    public void the_same_person_twice_in_the_household_is_refused()
    {
        var twice = XmlSample.Edit(HousingSubsidySamples.Application, document => document.Descendants(Hsg + "Member").Last().Element(Hsg + "Snils")!.Value = "123-456-789 64");
        ValidationAssert.ViolatesConstraint(Validate(twice), "HouseholdMemberSnils");
    }

    [Fact]
    public void an_applicant_who_is_not_a_household_member_is_refused()
    {
        var outsider = XmlSample.Edit(HousingSubsidySamples.Application, document => XmlSample.The(document, Hsg + "Applicant").Element(Hsg + "Snils")!.Value = "145-278-391 82");
        ValidationAssert.ViolatesConstraint(Validate(outsider), "HouseholdMemberSnils");
    }

    [Theory]
    [InlineData("Bik", "04403065")]
    [InlineData("Bik", "0440306530")]
    [InlineData("AccountNumber", "4081781065500123456")]
    [InlineData("AccountNumber", "40817 810 6 5500 1234567")]
    public void a_bik_other_than_9_digits_or_account_other_than_20_is_refused(string element, string value)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(HousingSubsidySamples.Application, Hsg + element, value)), element);
    }

    [Theory]
    [InlineData("-1.00")]
    [InlineData("18900.505")]
    [InlineData("eighteen thousand")]
    public void a_negative_or_sub_kopeck_or_non_numeric_income_is_refused(string income)
    {
        var wrong = XmlSample.Edit(HousingSubsidySamples.Application, document => document.Descendants(Hsg + "MonthlyIncome").Last().Value = income);
        ValidationAssert.RefusedAt(Validate(wrong), "MonthlyIncome");
    }

    [Fact]
    public void a_tenure_outside_the_enumeration_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(HousingSubsidySamples.Application, Hsg + "Tenure", "squatter")), "Tenure");
    }

    [Fact]
    public void a_grant_of_zero_roubles_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(HousingSubsidySamples.Granted, Hsg + "MonthlyAmount", "0.00")), "MonthlyAmount");
    }

    [Fact]
    public void a_refusal_with_its_reason_validates()
    {
        ValidationAssert.Valid(Validate(HousingSubsidySamples.Refused));
    }

    private static string WithMembers(int count) => XmlSample.Edit(HousingSubsidySamples.Application, document =>
    {
        var household = XmlSample.The(document, Hsg + "Household");
        var spouse = household.Elements(Hsg + "Member").Last();
        for (var i = household.Elements().Count(); i < count; i++)
        {
            var child = new XElement(spouse);
            child.Element(Hsg + "Snils")!.Value = $"300-000-{i:000} 00";
            child.Element(Hsg + "Relation")!.Value = "grandchild";
            household.Add(child);
        }
    });
}
