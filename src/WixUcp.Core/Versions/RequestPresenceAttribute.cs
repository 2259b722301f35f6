namespace WixUcp.Versions;

/// <summary>
/// Marks a request-model member as UCP's <c>ucp_request</c> annotation does: one presence for every operation, and
/// optionally a different one for create, update or complete. Read only when request schemas are exported.
/// </summary>
/// <param name="everyOperation">The presence in every operation that does not set its own.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class RequestPresenceAttribute(RequestPresence everyOperation = RequestPresence.Unchanged) : Attribute
{
    public RequestPresence EveryOperation { get; } = everyOperation;

    public RequestPresence Create { get; set; }

    public RequestPresence Update { get; set; }

    public RequestPresence Complete { get; set; }

    /// <summary>Whether null is a value the member may take (UCP allows it for a few selections, meaning none).</summary>
    public bool Nullable { get; set; }

    public RequestPresence For(RequestOperation operation)
    {
        var own = operation switch
        {
            RequestOperation.Create => Create,
            RequestOperation.Update => Update,
            RequestOperation.Complete => Complete,
            _ => RequestPresence.Unchanged,
        };
        return own == RequestPresence.Unchanged ? EveryOperation : own;
    }
}
