using Exchange.Domain.Messages.Search;

namespace Exchange.Domain.Delivery;

/// <summary>Where a message's delivery stands, for an operator inspecting it.</summary>
/// <param name="TimesRelayed">How often the relay published it to the broker: once after acceptance, once more per requeue.</param>
/// <param name="AwaitingRelay">Whether an outbox row of it waits for the relay (a requeue not yet published).</param>
/// <param name="Inbox">Its recipient's inbox row; null while (or because) the broker never handed it to the inbox.</param>
public sealed record DeliveryState(FoundMessage Message, int TimesRelayed, bool AwaitingRelay, InboxDelivery? Inbox);
