namespace WixUcp.Versions;

/// <summary>
/// A capability the business offers; <see cref="Extends"/> names the parents of an extension, and <see cref="Family"/>
/// the group of operations it belongs to (checkout and its extensions, order, catalog).
/// </summary>
internal sealed record CapabilityDefinition(string Name, string Version, IReadOnlyList<string> Extends, string SpecPath, string SchemaPath, string Family)
{
    public bool IsExtension => Extends.Count > 0;
}
