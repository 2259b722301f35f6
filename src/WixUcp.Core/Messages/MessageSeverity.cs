namespace WixUcp.Messages;

/// <summary>How an error message can be resolved.</summary>
public enum MessageSeverity
{
    /// <summary>The platform can fix it through the API.</summary>
    Recoverable,

    /// <summary>The buyer must supply data the API cannot collect; implies escalation.</summary>
    RequiresBuyerInput,

    /// <summary>The buyer must review or authorise in the business UI; implies escalation.</summary>
    RequiresBuyerReview,

    /// <summary>No resource exists or can be made with these inputs.</summary>
    Unrecoverable,
}
