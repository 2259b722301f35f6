using System.Text.Json;
using System.Text.Json.Serialization;

namespace WixUcp.Wix.Wire;

/// <summary>Source-generated contracts of Wix's REST JSON (camelCase, <c>id</c>/<c>createdDate</c> as REST names them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WixTokenRequest))]
[JsonSerializable(typeof(WixTokenResponse))]
[JsonSerializable(typeof(WixErrorBody))]
[JsonSerializable(typeof(WixCatalogVersionResponse))]
[JsonSerializable(typeof(WixV3ProductSearchRequest))]
[JsonSerializable(typeof(WixV3ProductsResponse))]
[JsonSerializable(typeof(WixV3ProductEnvelope))]
[JsonSerializable(typeof(WixV1ProductQueryRequest))]
[JsonSerializable(typeof(WixV1ProductsResponse))]
[JsonSerializable(typeof(WixCreateCheckoutRequest))]
[JsonSerializable(typeof(WixUpdateCheckoutRequest))]
[JsonSerializable(typeof(WixCheckoutEnvelope))]
[JsonSerializable(typeof(WixCheckoutUrlResponse))]
[JsonSerializable(typeof(WixCreateOrderResponse))]
[JsonSerializable(typeof(WixEmpty))]
[JsonSerializable(typeof(WixAddPaymentsRequest))]
[JsonSerializable(typeof(WixOrderEnvelope))]
[JsonSerializable(typeof(WixOrderWithFulfillments))]
[JsonSerializable(typeof(WixOrderAction))]
[JsonSerializable(typeof(WixOrderSearchRequest))]
[JsonSerializable(typeof(WixOrderSearchResponse))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class WixJson : JsonSerializerContext;
