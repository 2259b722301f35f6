using System.Text.Json.Serialization;

namespace WixUcp.Webhooks;

// The registration API's wire shapes (the seed's, not a UCP document: UCP has no registration API).
#pragma warning disable CA1002, CA2227 // wire DTOs
internal sealed class WebhookRegistrationRequestDto
{
    public string? Url { get; set; }

    public List<string>? Events { get; set; }
}

internal sealed class WebhookRegistrationDto
{
    public string Id { get; set; } = "";

    public string Url { get; set; } = "";

    public List<string> Events { get; set; } = [];

    public string? Secret { get; set; }

    public string CreatedAt { get; set; } = "";
}

internal sealed class WebhookRegistrationListDto
{
    public List<WebhookRegistrationDto> Webhooks { get; set; } = [];
}
#pragma warning restore CA1002, CA2227

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(WebhookRegistrationRequestDto))]
[JsonSerializable(typeof(WebhookRegistrationDto))]
[JsonSerializable(typeof(WebhookRegistrationListDto))]
internal sealed partial class WebhookRegistrationJson : JsonSerializerContext;
