using System.Text.Json.Serialization;
using WixUcp.Checkout;
using WixUcp.Idempotency;
using WixUcp.Orders;

namespace WixUcp.Storage;

/// <summary>Source-generated metadata for stored records: no reflection, the same bytes in every store.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredRecord<CheckoutSession>))]
[JsonSerializable(typeof(StoredRecord<Carts.Cart>))]
[JsonSerializable(typeof(StoredRecord<Order>))]
[JsonSerializable(typeof(StoredRecord<IdempotentResponse>))]
internal sealed partial class StoredRecordJsonContext : JsonSerializerContext;
