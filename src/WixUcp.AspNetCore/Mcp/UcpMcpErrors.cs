namespace WixUcp.AspNetCore.Mcp;

/// <summary>UCP 2026-04-08's JSON-RPC error codes for protocol errors.</summary>
internal static class UcpMcpErrors
{
    /// <summary>Discovery and version errors.</summary>
    public const int Discovery = -32001;

    /// <summary>Authentication, permissions, idempotency conflicts, rate limits, availability and state conflicts.</summary>
    public const int Business = -32000;

    /// <summary>Signature digests and algorithms.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>Invalid arguments, too-large requests, unknown resources.</summary>
    public const int InvalidParams = -32602;

    /// <summary>Anything the server could not handle.</summary>
    public const int Internal = -32603;

    /// <summary>The JSON-RPC code of a UCP error code, falling back on the HTTP status class.</summary>
    public static int RpcCode(string code, int status) => code switch
    {
        "invalid_profile_url" or "profile_unreachable" or "profile_malformed" or "version_unsupported" => Discovery,
        "digest_mismatch" or "algorithm_unsupported" => InvalidRequest,
        "invalid_request" or "request_too_large" or "unsupported_media_type" or "idempotency_key_required" or "not_found" => InvalidParams,
        _ when status >= 500 && status != 503 => Internal,
        _ => Business,
    };
}
