namespace WixUcp.Signatures;

/// <summary>The RFC 9421 header fields that sign one message (a response or an outgoing webhook).</summary>
/// <param name="ContentDigest">The <c>Content-Digest</c> value.</param>
/// <param name="SignatureInput">The <c>Signature-Input</c> value.</param>
/// <param name="Signature">The <c>Signature</c> value.</param>
public sealed record SignatureHeaders(string ContentDigest, string SignatureInput, string Signature);
