using System.Xml.Linq;

namespace Exchange.Protocol.Tests.BusinessTypes;

internal static class BusinessNamespaces
{
    public static readonly XNamespace Common = "urn://exchange.region/common/1.0";
    public static readonly XNamespace Correspondence = "urn://exchange.region/correspondence/1.0";
    public static readonly XNamespace Appeal = "urn://exchange.region/appeal/1.0";
    public static readonly XNamespace DoctorAppointment = "urn://exchange.region/doctor-appointment/1.0";
    public static readonly XNamespace HousingSubsidy = "urn://exchange.region/housing-subsidy/1.0";
    public static readonly XNamespace LandPlot = "urn://exchange.region/land-plot/1.0";
}
