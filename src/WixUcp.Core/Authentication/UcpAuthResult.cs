namespace WixUcp.Authentication;

/// <summary>What an <see cref="IUcpAuth"/> concluded about a credential.</summary>
public sealed record UcpAuthResult
{
    private UcpAuthResult(UcpIdentity? identity, string? failure)
    {
        Identity = identity;
        Failure = failure;
    }

    /// <summary>The verified identity; null when the credential was refused.</summary>
    public UcpIdentity? Identity { get; }

    /// <summary>Why the credential was refused, safe to show the caller (it never echoes the credential).</summary>
    public string? Failure { get; }

    /// <summary>The credential is good.</summary>
    /// <param name="identity">Whom it speaks for.</param>
    /// <returns>A success.</returns>
    public static UcpAuthResult Success(UcpIdentity identity) => new(identity ?? throw new ArgumentNullException(nameof(identity)), null);

    /// <summary>The credential is refused.</summary>
    /// <param name="reason">Why, for the caller.</param>
    /// <returns>A refusal.</returns>
    public static UcpAuthResult Refused(string reason) => new(null, reason);
}
