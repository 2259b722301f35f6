namespace WixUcp.Versions;

/// <summary>A capability the business offers; <see cref="Extends"/> names the parents of an extension.</summary>
internal sealed record CapabilityDefinition(string Name, string Version, IReadOnlyList<string> Extends, string SpecPath, string SchemaPath)
{
    public bool IsExtension => Extends.Count > 0;
}
