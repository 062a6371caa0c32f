using Exchange.Domain.Directory;
using Exchange.Domain.Routing;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Tests.Routing;

/// <summary>The routing table: where each kind of request goes, and why each refusal happens.</summary>
public sealed class RequestRouterTests
{
    private static readonly MessageType LandPlot = new("urn:test:land", "LandPlotApplication");
    private static readonly MessageType Appeal = new("urn:test:appeal", "Appeal");
    private static readonly MessageType Letter = new("urn:test:letter", "Letter");
    private static readonly MessageType Order = new("urn:test:order", "RegionalOrder");
    private static readonly MessageType SettlementNotice = new("urn:test:notice", "SettlementNotice");
    private static readonly MessageType Answer = new("urn:test:appeal", "AppealAnswer");
    private static readonly MessageType Retired = new("urn:test:old", "Old");

    private static readonly DirectorySnapshot Region = new(new DirectoryContent(
        Participants:
        [
            new("KIT", "Informatization committee", ParticipantLevel.RegionalBody),
            new("HEALTH", "Health committee", ParticipantLevel.RegionalBody),
            new("VYBORG", "Vyborgsky district", ParticipantLevel.District),
            new("PRIOZERSK", "Priozersky district", ParticipantLevel.District),
            new("LUGA", "Luzhsky district", ParticipantLevel.District, RetiredAt: DateTimeOffset.UnixEpoch),
            new("SOSNOVSKOYE", "Sosnovskoye settlement", ParticipantLevel.Settlement, "PRIOZERSK"),
            new("LARIONOVO", "Larionovskoye settlement", ParticipantLevel.Settlement, "PRIOZERSK"),
            new("ROSCHINO", "Roschinskoye settlement", ParticipantLevel.Settlement, "VYBORG"),
            new("PORTAL", "Public services portal", ParticipantLevel.Portal),
        ],
        Systems: [],
        Certificates: [],
        Types:
        [
            new(LandPlot.NamespaceUri, LandPlot.RootElement, "Land plot", MessageTypeKind.Request),
            new(Appeal.NamespaceUri, Appeal.RootElement, "Appeal", MessageTypeKind.Request, AnswerDeadline: new(30, DayKind.Calendar)),
            new(Letter.NamespaceUri, Letter.RootElement, "Letter", MessageTypeKind.Request),
            new(Order.NamespaceUri, Order.RootElement, "Order", MessageTypeKind.Broadcast, ParticipantLevel.District),
            new(SettlementNotice.NamespaceUri, SettlementNotice.RootElement, "Notice", MessageTypeKind.Broadcast, ParticipantLevel.Settlement),
            new(Answer.NamespaceUri, Answer.RootElement, "Answer", MessageTypeKind.Response),
            new(Retired.NamespaceUri, Retired.RootElement, "Old", MessageTypeKind.Request, RetiredAt: DateTimeOffset.UnixEpoch),
        ],
        Providers:
        [
            new(LandPlot.NamespaceUri, LandPlot.RootElement, "VYBORG", "VYBORG"),
            new(LandPlot.NamespaceUri, LandPlot.RootElement, "PRIOZERSK", "PRIOZERSK"),
            new(LandPlot.NamespaceUri, LandPlot.RootElement, "LUGA", "LUGA"),
            new(Appeal.NamespaceUri, Appeal.RootElement, null, "HEALTH"),
            new(Retired.NamespaceUri, Retired.RootElement, null, "HEALTH"),
        ],
        Permissions:
        [
            new("PORTAL", LandPlot.NamespaceUri, LandPlot.RootElement, PermittedRecipients.Provider),
            new(null, Appeal.NamespaceUri, Appeal.RootElement, PermittedRecipients.Provider),
            new(null, Letter.NamespaceUri, Letter.RootElement, PermittedRecipients.Any),
            new("KIT", Order.NamespaceUri, Order.RootElement, PermittedRecipients.Any),
            new("PRIOZERSK", SettlementNotice.NamespaceUri, SettlementNotice.RootElement, PermittedRecipients.Participant, "PRIOZERSK"),
            new("PORTAL", Retired.NamespaceUri, Retired.RootElement, PermittedRecipients.Provider),
        ]));

    private static Participant P(string mnemonic) => Region.Participant(mnemonic)!;

    private static Route RouteOf(string sender, MessageType type, string? to = null, string? territory = null) =>
        RequestRouter.Route(Region, P(sender), type, to, territory);

    private static SmevFault Refusal(string sender, MessageType type, string? to = null, string? territory = null) =>
        Assert.Throws<SmevFaultException>(() => RouteOf(sender, type, to, territory)).Fault;

    [Theory]
    [InlineData("SOSNOVSKOYE", "PRIOZERSK")]   // a settlement: its district's provider
    [InlineData("PRIOZERSK", "PRIOZERSK")]     // the district itself
    [InlineData("ROSCHINO", "VYBORG")]
    public void a_land_plot_application_filed_for_a_territory_goes_to_that_districts_administration(string territory, string expected)
    {
        var route = RouteOf("PORTAL", LandPlot, territory: territory);

        Assert.Equal(expected, Assert.Single(route.Recipients).Mnemonic);
        Assert.False(route.IsBroadcast);
        Assert.Contains(territory, route.Reason);
    }

    [Fact]
    public void without_instructions_a_request_goes_to_the_provider_for_the_senders_own_territory()
    {
        Assert.Equal("HEALTH", Assert.Single(RouteOf("SOSNOVSKOYE", Appeal).Recipients).Mnemonic);   // region-wide provider
    }

    [Fact]
    public void a_route_carries_the_answer_deadline_of_its_type_if_the_directory_sets_one()
    {
        Assert.Equal(new AnswerDeadline(30, DayKind.Calendar), RouteOf("SOSNOVSKOYE", Appeal).AnswerDeadline);
        Assert.Null(RouteOf("VYBORG", Letter, to: "KIT").AnswerDeadline);
    }

    [Fact]
    public void a_named_recipient_receives_a_type_anyone_may_send_to_anyone()
    {
        var route = RouteOf("VYBORG", Letter, to: "KIT");

        Assert.Equal("KIT", Assert.Single(route.Recipients).Mnemonic);
        Assert.Equal("named recipient KIT", route.Reason);
    }

    [Fact]
    public void a_named_recipient_that_is_the_types_provider_is_covered_by_a_provider_permission()
    {
        Assert.Equal("HEALTH", Assert.Single(RouteOf("PORTAL", Appeal, to: "HEALTH").Recipients).Mnemonic);
    }

    [Fact]
    public void a_regional_order_fans_out_to_every_active_district()
    {
        var route = RouteOf("KIT", Order);

        Assert.True(route.IsBroadcast);
        Assert.Equal(["PRIOZERSK", "VYBORG"], route.Recipients.Select(r => r.Mnemonic).Order());   // LUGA is retired
    }

    [Fact]
    public void a_notice_to_the_settlements_of_one_district_fans_out_under_that_district_only()
    {
        var route = RouteOf("PRIOZERSK", SettlementNotice, to: "PRIOZERSK");

        Assert.Equal(["LARIONOVO", "SOSNOVSKOYE"], route.Recipients.Select(r => r.Mnemonic).Order());
    }

    [Fact]
    public void a_district_may_not_broadcast_to_another_districts_settlements_or_to_the_whole_region()
    {
        Assert.Equal("AccessDenied", Refusal("PRIOZERSK", SettlementNotice, to: "VYBORG").Element);
        Assert.Equal("AccessDenied", Refusal("PRIOZERSK", SettlementNotice).Element);
    }

    [Fact]
    public void an_unregistered_a_retired_or_a_response_type_is_not_supported()
    {
        Assert.Contains("not registered", Refusal("PORTAL", new MessageType("urn:nobody", "Nothing")).Description);
        Assert.Contains("retired", Refusal("PORTAL", Retired).Description);
        Assert.Contains("SendResponse", Refusal("HEALTH", Answer).Description);
        Assert.Equal("BusinessDataTypeIsNotSupported", Refusal("PORTAL", Retired).Element);
    }

    [Fact]
    public void an_unknown_or_retired_recipient_or_territory_is_not_found()
    {
        Assert.Equal("RecipientIsNotFound", Refusal("VYBORG", Letter, to: "NOBODY").Element);
        Assert.Equal("RecipientIsNotFound", Refusal("VYBORG", Letter, to: "LUGA").Element);
        Assert.Equal("RecipientIsNotFound", Refusal("PORTAL", LandPlot, territory: "NOWHERE").Element);
    }

    [Fact]
    public void a_territory_whose_provider_is_retired_or_missing_has_no_recipient()
    {
        Assert.Contains("LUGA", Refusal("PORTAL", LandPlot, territory: "LUGA").Description);
        Assert.Equal("RecipientIsNotFound", Refusal("PORTAL", LandPlot).Element);   // the portal's own territory has no land office
    }

    [Fact]
    public void a_sender_without_permission_is_denied_even_when_the_route_exists()
    {
        var denied = Refusal("VYBORG", LandPlot, territory: "ROSCHINO");   // only the portal files land-plot applications

        Assert.Equal("AccessDenied", denied.Element);
        Assert.Contains("VYBORG may not send", denied.Description);
        Assert.Equal("AccessDenied", Refusal("PORTAL", LandPlot, to: "KIT").Element);   // KIT does not provide it
    }
}
