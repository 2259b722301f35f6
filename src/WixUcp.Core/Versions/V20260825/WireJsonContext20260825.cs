using System.Text.Json.Serialization;
using WixUcp.Versions.Shared;


namespace WixUcp.Versions.V20260825;

/// <summary>Source-generated (reflection-free) serialization of the 2026-08-25 wire shapes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = 32)]
[JsonSerializable(typeof(CheckoutDto<BuyerDto, FulfillmentDto>))]
[JsonSerializable(typeof(CartDto<BuyerDto>))]
[JsonSerializable(typeof(CartRequestDto<BuyerRequestDto>))]
[JsonSerializable(typeof(CheckoutRequestDto<BuyerRequestDto, ShippingDestinationRequestDto>))]
[JsonSerializable(typeof(ProfileDto))]
internal sealed partial class WireJsonContext20260825 : JsonSerializerContext;
