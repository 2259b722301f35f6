namespace WixUcp.Commerce;

/// <summary>An address on file for a buyer, with the backend's id for it.</summary>
public sealed record SavedAddress
{
    /// <summary>The backend's id of the address; offered to the platform as a destination id.</summary>
    public required string Id { get; init; }

    /// <summary>The address.</summary>
    public required PostalAddress Address { get; init; }
}
