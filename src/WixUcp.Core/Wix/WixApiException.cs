namespace WixUcp.Wix;

/// <summary>Wix answered an error: its status and, when it sent one, its application error code and message.</summary>
internal sealed class WixApiException : Exception
{
    public WixApiException()
    {
    }

    public WixApiException(string message)
        : base(message)
    {
    }

    public WixApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WixApiException(int status, string? code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    /// <summary>The HTTP status Wix answered.</summary>
    public int Status { get; }

    /// <summary>Wix's <c>details.applicationError.code</c>, when present.</summary>
    public string? Code { get; }

    /// <summary>Wix's <c>details.applicationError.data</c>, when present (for example the order a checkout already has).</summary>
    public System.Text.Json.JsonElement? ErrorData { get; init; }

    /// <summary>Whether Wix refused a precondition (428: wrong catalog version, a checkout not orderable).</summary>
    public bool IsPrecondition => Status == 428;
}
