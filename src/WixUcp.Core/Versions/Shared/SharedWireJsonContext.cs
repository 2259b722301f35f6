using System.Text.Json.Serialization;

namespace WixUcp.Versions.Shared;

/// <summary>Source-generated (reflection-free) serialization of the documents 2026-04-08 and 2026-08-25 share.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = 32)]
[JsonSerializable(typeof(ErrorResponseDto))]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(SearchRequestDto))]
[JsonSerializable(typeof(LookupRequestDto))]
[JsonSerializable(typeof(GetProductRequestDto))]
[JsonSerializable(typeof(OrderUpdateRequestDto))]
[JsonSerializable(typeof(SearchResponseDto))]
[JsonSerializable(typeof(LookupResponseDto))]
[JsonSerializable(typeof(GetProductResponseDto))]
internal sealed partial class SharedWireJsonContext : JsonSerializerContext;
