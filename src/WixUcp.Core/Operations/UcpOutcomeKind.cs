namespace WixUcp.Operations;

/// <summary>What kind of answer a UCP operation produced; transports map it to their own framing.</summary>
public enum UcpOutcomeKind
{
    /// <summary>The operation ran and returns a resource (HTTP 200).</summary>
    Resource,

    /// <summary>The operation created a resource (HTTP 201).</summary>
    Created,

    /// <summary>The operation ran, but there is no resource to return: a UCP error response with messages (HTTP 200 in 2026-04-08).</summary>
    BusinessError,

    /// <summary>The call could not be served as sent, or not now: a protocol error body <c>{code, content}</c> with a 4xx or 5xx status.</summary>
    ProtocolError,
}
