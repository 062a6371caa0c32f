using System.Xml.Linq;

namespace Exchange.Protocol.Tests.BusinessTypes;

public sealed class LandPlotSchemaTests
{
    private static readonly XNamespace Lnd = BusinessNamespaces.LandPlot;

    private static IReadOnlyList<ValidationFinding> Validate(string xml) => BusinessDocumentValidator.Validate(xml);

    [Theory]
    [InlineData("47:03:11010:245")]
    [InlineData("47:03:11010011:245")]
    [InlineData("47:3:1101001:245")]
    [InlineData("47-03-1101001-245")]
    [InlineData("47:03:1101001")]
    [InlineData("47:03:1101001:")]
    [InlineData("47:03:1101001:245 ")]
    public void a_malformed_cadastral_number_is_refused(string cadastralNumber)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(LandPlotSamples.Application, Lnd + "CadastralNumber", cadastralNumber)), "CadastralNumber");
    }

    [Theory]
    [InlineData("47:03:110100:7")]
    [InlineData("47:03:1101001:12045")]
    public void cadastral_numbers_with_six_or_seven_digit_quarters_validate(string cadastralNumber)
    {
        ValidationAssert.Valid(Validate(XmlSample.Set(LandPlotSamples.Application, Lnd + "CadastralNumber", cadastralNumber)));
    }

    [Fact]
    public void a_plot_to_be_formed_is_described_by_its_location_instead_of_a_cadastral_number()
    {
        var toBeFormed = XmlSample.Edit(LandPlotSamples.Application, document => XmlSample.The(document, Lnd + "CadastralNumber").ReplaceWith(
            new XElement(Lnd + "LocationDescription", "Sosnovo, north of Lesnaya street, next to plot 47:03:1101001:244, in the zone of individual residential development")));
        ValidationAssert.Valid(Validate(toBeFormed));
    }

    [Fact]
    public void a_plot_with_both_a_cadastral_number_and_a_location_description_is_refused()
    {
        var both = XmlSample.Edit(LandPlotSamples.Application, document =>
            XmlSample.The(document, Lnd + "CadastralNumber").AddAfterSelf(new XElement(Lnd + "LocationDescription", "Sosnovo, north of Lesnaya street")));
        ValidationAssert.RefusedAt(Validate(both), "LocationDescription");
    }

    [Fact]
    public void a_plot_with_neither_a_cadastral_number_nor_a_location_description_is_refused_naming_both()
    {
        var findings = Validate(XmlSample.Remove(LandPlotSamples.Application, Lnd + "CadastralNumber"));
        ValidationAssert.Missing(findings, "Plot", "CadastralNumber");
        ValidationAssert.Missing(findings, "Plot", "LocationDescription");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-600")]
    [InlineData("1200.005")]
    public void an_area_that_is_not_a_positive_number_of_square_metres_is_refused(string area)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(LandPlotSamples.Application, Lnd + "Area", area)), "Area");
    }

    [Theory]
    [InlineData("41639460")]
    [InlineData("41639460101")]
    public void an_oktmo_of_8_or_11_digits_validates(string oktmo)
    {
        ValidationAssert.Valid(Validate(XmlSample.Set(LandPlotSamples.Application, Lnd + "Oktmo", oktmo)));
    }

    [Theory]
    [InlineData("4163946")]
    [InlineData("416394601")]
    [InlineData("4163946010")]
    [InlineData("416394601011")]
    public void an_oktmo_of_any_other_length_is_refused(string oktmo)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(LandPlotSamples.Application, Lnd + "Oktmo", oktmo)), "Oktmo");
    }

    [Theory]
    [InlineData("2.2")]
    [InlineData("")]
    [InlineData("2.1.1")]
    public void a_permitted_use_other_than_individual_housing_construction_is_refused(string code)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(LandPlotSamples.Application, Lnd + "PermittedUse", code)), "PermittedUse");
    }

    [Fact]
    public void grounds_outside_the_enumeration_are_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(LandPlotSamples.Application, Lnd + "Grounds", "veteran")), "Grounds");
    }

    [Fact]
    public void an_application_through_an_auction_for_a_lease_validates()
    {
        var auction = XmlSample.Edit(LandPlotSamples.Application, document =>
        {
            XmlSample.The(document, Lnd + "Grounds").Value = "auction";
            XmlSample.The(document, Lnd + "Right").Value = "lease";
            XmlSample.The(document, Lnd + "LargeFamilyCertificate").Remove();
            XmlSample.The(document, Lnd + "Attachments").Remove();
        });
        ValidationAssert.Valid(Validate(auction));
    }

    [Fact]
    public void a_refusal_with_its_reason_validates()
    {
        ValidationAssert.Valid(Validate(LandPlotSamples.Refused));
    }

    [Fact]
    public void a_decision_without_its_number_and_date_is_refused_naming_it()
    {
        ValidationAssert.Missing(Validate(XmlSample.Remove(LandPlotSamples.Approved, Lnd + "Decision")), "LandPlotDecision", "Decision");
    }
}
