namespace Exchange.Protocol.BusinessTypes;

/// <summary>A registered business message type: its root element, schema, and how long its answer may take.</summary>
public sealed record BusinessType(string NamespaceUri, string RootElement, string Schema, int? AnswerDeadlineDays, string Description);
