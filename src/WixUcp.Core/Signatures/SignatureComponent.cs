namespace WixUcp.Signatures;

/// <summary>One covered component of an RFC 9421 signature and its value as it enters the signature base.</summary>
/// <param name="Identifier">The component identifier as serialized, for example <c>"@status"</c> or <c>"content-type"</c> (with quotes).</param>
/// <param name="Value">The component value (for a header field: the trimmed value, several joined by <c>", "</c>).</param>
public sealed record SignatureComponent(string Identifier, string Value);
