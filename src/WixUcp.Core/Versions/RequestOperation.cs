namespace WixUcp.Versions;

/// <summary>Which request view of a model is exported: checkout models have one per operation, the others one for all.</summary>
internal enum RequestOperation
{
    /// <summary>The single view of a model that serves one operation.</summary>
    Any,

    /// <summary>Create Checkout.</summary>
    Create,

    /// <summary>Update Checkout.</summary>
    Update,

    /// <summary>Complete Checkout.</summary>
    Complete,
}
