namespace Exchange.Protocol.Messages;

/// <summary>What a response carries, as SMEV's <c>SenderProvidedResponseData</c> choice allows.</summary>
public enum ResponseContent
{
    /// <summary>A business document in <c>MessagePrimaryContent</c>.</summary>
    Document,

    /// <summary>One or more <c>RequestRejected</c>: the provider refuses the request.</summary>
    Rejection,

    /// <summary>A <c>RequestStatus</c>: an intermediate business status, the answer is still to come.</summary>
    Status,
}
