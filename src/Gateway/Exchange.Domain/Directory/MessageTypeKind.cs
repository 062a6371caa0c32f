namespace Exchange.Domain.Directory;

public enum MessageTypeKind
{
    Request,
    Response,
    Broadcast,
}
