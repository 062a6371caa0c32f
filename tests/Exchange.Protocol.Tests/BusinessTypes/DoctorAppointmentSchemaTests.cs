using System.Xml.Linq;

namespace Exchange.Protocol.Tests.BusinessTypes;

public sealed class DoctorAppointmentSchemaTests
{
    private static readonly XNamespace Doc = BusinessNamespaces.DoctorAppointment;

    private static IReadOnlyList<ValidationFinding> Validate(string xml) => BusinessDocumentValidator.Validate(xml);

    [Theory]
    [InlineData("11223344595")]
    [InlineData("112-233-445-95")]
    [InlineData("112 233 445 95")]
    [InlineData("112-233-445 9")]
    [InlineData(" 112-233-445 95")]
    [InlineData("١١٢-٢٣٣-٤٤٥ ٩٥")]
    public void a_snils_not_written_as_three_groups_and_a_check_number_in_ascii_digits_is_refused(string snils)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(DoctorAppointmentSamples.Request, Doc + "Snils", snils)), "Snils");
    }

    [Theory]
    [InlineData("475034082900011")]
    [InlineData("47503408290001170")]
    [InlineData("4750 3408 2900 0117")]
    public void an_oms_policy_number_other_than_16_digits_is_refused(string policy)
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(DoctorAppointmentSamples.Request, Doc + "OmsPolicyNumber", policy)), "OmsPolicyNumber");
    }

    [Fact]
    public void a_request_without_a_desired_slot_is_refused_naming_it()
    {
        ValidationAssert.Missing(Validate(XmlSample.Remove(DoctorAppointmentSamples.Request, Doc + "DesiredSlot")), "DoctorAppointmentRequest", "DesiredSlot");
    }

    [Fact]
    public void a_medical_organisation_id_that_is_not_an_oid_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(DoctorAppointmentSamples.Request, Doc + "MedicalOrganisationId", "Vyborg hospital")), "MedicalOrganisationId");
    }

    [Fact]
    public void a_confirmed_appointment_without_a_cabinet_is_refused_naming_it()
    {
        ValidationAssert.Missing(Validate(XmlSample.Remove(DoctorAppointmentSamples.Confirmed, Doc + "Cabinet")), "Confirmed", "Cabinet");
    }

    [Fact]
    public void a_confirmed_time_without_an_offset_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(DoctorAppointmentSamples.Confirmed, Doc + "StartsAt", "2026-12-03T10:40:00")), "StartsAt");
    }

    [Fact]
    public void a_visit_longer_than_four_hours_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(DoctorAppointmentSamples.Confirmed, Doc + "DurationMinutes", "241")), "DurationMinutes");
    }

    [Fact]
    public void a_refusal_with_its_reason_validates()
    {
        ValidationAssert.Valid(Validate(DoctorAppointmentSamples.Refused));
    }

    [Fact]
    public void a_refusal_reason_outside_the_enumeration_is_refused()
    {
        ValidationAssert.RefusedAt(Validate(XmlSample.Set(DoctorAppointmentSamples.Refused, Doc + "Reason", "doctor-on-holiday")), "Reason");
    }
}
