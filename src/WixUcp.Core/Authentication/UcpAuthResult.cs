namespace WixUcp.Authentication;

/// <summary>What an <see cref="IUcpAuth"/> concluded about a credential.</summary>
public sealed record UcpAuthResult
{
    private UcpAuthResult(UcpIdentity? identity, string? failure, string code, int statusCode)
    {
        Identity = identity;
        Failure = failure;
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>The verified identity; null when the credential was refused.</summary>
    public UcpIdentity? Identity { get; }

    /// <summary>Why the credential was refused, safe to show the caller (it never echoes the credential).</summary>
    public string? Failure { get; }

    /// <summary>The UCP error code of a refusal, for example <c>unauthorized</c> or <c>signature_invalid</c>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of a refusal: 401, or 400 for malformed signatures, or 403 for untrusted profiles.</summary>
    public int StatusCode { get; }

    /// <summary>The credential is good.</summary>
    /// <param name="identity">Whom it speaks for.</param>
    /// <returns>A success.</returns>
    public static UcpAuthResult Success(UcpIdentity identity) => new(identity ?? throw new ArgumentNullException(nameof(identity)), null, "", 200);

    /// <summary>The credential is refused.</summary>
    /// <param name="reason">Why, for the caller.</param>
    /// <param name="code">The UCP error code.</param>
    /// <param name="statusCode">The HTTP status (400, 401 or 403).</param>
    /// <returns>A refusal.</returns>
    public static UcpAuthResult Refused(string reason, string code = "unauthorized", int statusCode = 401) => new(null, reason, code, statusCode);
}
