namespace WixUcp.Commerce;

/// <summary>An address on file for a buyer, with the backend's id for it.</summary>
public sealed record SavedAddress(string Id, PostalAddress Address);
