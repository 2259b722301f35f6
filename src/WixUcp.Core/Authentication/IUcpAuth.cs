namespace WixUcp.Authentication;

/// <summary>
/// Verifies one kind of platform credential, transport-neutral: the HTTP binding hands it the credential of its
/// scheme (from <c>Authorization: {Scheme} …</c>, or <c>X-API-Key</c> for <c>ApiKey</c>) inside ASP.NET Core's
/// authentication, and MCP will do the same. Register more with <c>TryAddEnumerable</c>.
/// </summary>
public interface IUcpAuth
{
    /// <summary>The credential scheme this verifier handles, for example <c>ApiKey</c> or <c>Bearer</c>.</summary>
    string Scheme { get; }

    /// <summary>Verifies a credential.</summary>
    /// <param name="credential">The credential as sent, without its scheme.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The identity, or why the credential is refused.</returns>
    ValueTask<UcpAuthResult> AuthenticateAsync(string credential, CancellationToken cancellationToken);
}
