namespace WixUcp.Versions;

/// <summary>
/// The member names an object-valued request member may use, as a pattern (JSON schema <c>propertyNames</c>): UCP's
/// reverse-domain keys for signals, for example. Read only when request schemas are exported.
/// </summary>
/// <param name="pattern">An ECMA-262 regular expression every member name must match.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class RequestMemberNamesAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}
