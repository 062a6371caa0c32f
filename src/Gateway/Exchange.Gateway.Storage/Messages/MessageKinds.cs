using Exchange.Domain.Directory;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>How a message's kind is written in the <c>messages</c> and <c>inbox</c> tables.</summary>
internal static class MessageKinds
{
    public static string Name(MessageKind kind) => DirectoryNames.Of(kind);

    public static MessageKind Parse(string name) => DirectoryNames.Parse<MessageKind>(name);

    /// <summary>The inbox's kind says which Get operation hands the message out: broadcasts come with requests.</summary>
    public static string InboxName(MessageKind kind) => Name(kind == MessageKind.Response ? MessageKind.Response : MessageKind.Request);

    /// <summary><see cref="InboxName"/> in SQL, of a <c>messages.kind</c> column.</summary>
    public static string InboxNameSql(string kindColumn) =>
        $"CASE {kindColumn} WHEN '{Name(MessageKind.Response)}' THEN '{Name(MessageKind.Response)}' ELSE '{Name(MessageKind.Request)}' END";
}
