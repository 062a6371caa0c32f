namespace Exchange.Protocol.Messages;

/// <summary>SMEV's <c>MessageTypeType</c>.</summary>
public enum MessageKind
{
    Request,
    Broadcast,
    Response,
}
