namespace WixUcp;

/// <summary>The business's signing keys (EC P-256): published in the profile, used for signed responses and webhooks.</summary>
public sealed class SigningOptions
{
    /// <summary>
    /// The current private key, PEM (PKCS#8 or SEC1 EC). Required outside Development; in Development a key is generated
    /// for the process when none is set.
    /// </summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>Public keys (PEM) still published after rotation, so signatures made with them verify during the grace period.</summary>
    public IList<string> RetiredPublicKeyPems { get; } = [];
}
