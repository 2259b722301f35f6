using WixUcp.Messages;
using WixUcp.Operations;

namespace WixUcp.Versions;

/// <summary>
/// One protocol version this server speaks: its codec, the capabilities it offers and the version's rules for turning
/// domain outcomes into answers. A new version is a folder with a subclass and one registration in <c>AddWixUcp()</c>.
/// </summary>
internal abstract class UcpProtocolVersion
{
    /// <summary>The version string (YYYY-MM-DD).</summary>
    public abstract string Version { get; }

    /// <summary>
    /// The platform versions this version answers: its own, and for 2026-01-23 also 2026-01-11, as the January
    /// compatibility rule allows (a platform version not above the business's is served).
    /// </summary>
    public virtual IReadOnlyList<string> AnswersPlatformVersions => [Version];

    /// <summary>The HTTP status of <c>version_unsupported</c> under this version's rules (422; 400 in January).</summary>
    public virtual int VersionUnsupportedStatus => 422;

    /// <summary>
    /// Whether an update during completion is answered with the unchanged checkout and a recoverable error (2026-08-25)
    /// rather than 409.
    /// </summary>
    public virtual bool AnswersUpdatesDuringCompletion => false;

    /// <summary>Reads and writes this version's documents.</summary>
    public abstract IUcpCodec Codec { get; }

    /// <summary>The capabilities the business offers in this version, parents before their extensions.</summary>
    public abstract IReadOnlyList<CapabilityDefinition> Capabilities { get; }

    /// <summary>A business outcome with no resource (unknown checkout, no shared capability, unknown items).</summary>
    public virtual UcpOutcome NoResource(IReadOnlyList<UcpMessage> messages, Uri? continueUrl) =>
        UcpOutcome.Of(UcpOutcomeKind.BusinessError, Codec.WriteErrorResponse(messages, continueUrl));

    /// <summary>An operation the resource's state forbids (a completed, canceled or completing checkout; a lost race).</summary>
    public virtual UcpOutcome StateConflict(string code, string content) => UcpOutcome.ProtocolError(409, code, content);
}
