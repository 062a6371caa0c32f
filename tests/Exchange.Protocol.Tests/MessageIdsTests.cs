using Exchange.Protocol.Faults;

namespace Exchange.Protocol.Tests;

public sealed class MessageIdsTests
{
    [Fact]
    public void generated_ids_are_lower_case_version_1_and_carry_their_time()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.Zero);
        var id = MessageIds.NewVersion1(now);
        Assert.True(MessageIds.IsVersion1(id.ToString()));
        Assert.InRange(MessageIds.CreatedAt(id), now, now.AddMilliseconds(1));
    }

    [Fact]
    public void ids_generated_at_the_same_instant_differ()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 10_000).Select(_ => MessageIds.NewVersion1(now)).ToHashSet();
        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")] // version 4
    [InlineData("5F1A2B3C-1D2E-11EF-8A9B-0242AC120002")] // upper case
    [InlineData("5f1a2b3c-1d2e-11ef-ca9b-0242ac120002")] // wrong variant
    [InlineData("not-a-uuid")]
    public void anything_but_a_lower_case_version_1_uuid_is_refused(string value)
    {
        var fault = Assert.Throws<SmevFaultException>(() => MessageIds.Parse(value)).Fault;
        Assert.Equal("InvalidMessageIdFormat", fault.Element);
    }

    [Fact]
    public void a_real_smev_message_id_is_accepted()
    {
        // MessageID of the SMEV test-environment response kept in shared/smev3 vectors.
        Assert.Equal(Guid.Parse("133b4229-6340-11ec-ba07-fa163e24a723"), MessageIds.Parse("133b4229-6340-11ec-ba07-fa163e24a723"));
    }
}
