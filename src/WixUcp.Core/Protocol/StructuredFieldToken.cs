namespace WixUcp.Protocol;

/// <summary>
/// An RFC 8941 token bare item (e.g. <c>foo</c>, <c>*bar/baz</c>). Kept distinct from
/// <see cref="string"/> because the RFC treats tokens and quoted strings as different types:
/// a field that requires a string must not accept an unquoted token, and vice versa.
/// </summary>
/// <param name="Value">The token text, exactly as it appeared in the field.</param>
internal readonly record struct StructuredFieldToken(string Value)
{
    /// <summary>The token text.</summary>
    public override string ToString() => Value;
}
