namespace Exchange.Protocol.BusinessTypes;

/// <summary>A registered business message type: its root element and its schema. How long an answer may take is the directory's (a type's answer deadline).</summary>
public sealed record BusinessType(string NamespaceUri, string RootElement, string Schema, string Description);
