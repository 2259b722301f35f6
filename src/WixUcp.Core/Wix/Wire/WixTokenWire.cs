using System.Text.Json.Serialization;

namespace WixUcp.Wix.Wire;

/// <summary>The client-credentials grant of <c>POST /oauth2/token</c>.</summary>
internal sealed class WixTokenRequest
{
    [JsonPropertyName("grant_type")]
    public string GrantType { get; init; } = "client_credentials";

    [JsonPropertyName("client_id")]
    public required string ClientId { get; init; }

    [JsonPropertyName("client_secret")]
    public required string ClientSecret { get; init; }

    [JsonPropertyName("instance_id")]
    public required string InstanceId { get; init; }
}

/// <summary>Wix's answer to a token grant.</summary>
internal sealed class WixTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public long ExpiresIn { get; init; }
}

/// <summary>Wix's error body: <c>{message, details: {applicationError: {code, description}}}</c>.</summary>
internal sealed class WixErrorBody
{
    public string? Message { get; init; }

    public WixErrorDetails? Details { get; init; }
}

/// <summary>The details of a Wix error.</summary>
internal sealed class WixErrorDetails
{
    public WixApplicationError? ApplicationError { get; init; }
}

/// <summary>A Wix application error.</summary>
internal sealed class WixApplicationError
{
    public string? Code { get; init; }

    public string? Description { get; init; }

    public System.Text.Json.JsonElement? Data { get; init; }
}
