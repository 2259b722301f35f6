namespace WixUcp.Versions;

/// <summary>How a member appears in one operation's request view: UCP's <c>ucp_request</c> annotation.</summary>
internal enum RequestPresence
{
    /// <summary>As the model declares it: optional.</summary>
    Unchanged,

    /// <summary>May be sent.</summary>
    Optional,

    /// <summary>Must be sent.</summary>
    Required,

    /// <summary>Not part of this operation's request: not declared, and not read.</summary>
    Omit,
}
