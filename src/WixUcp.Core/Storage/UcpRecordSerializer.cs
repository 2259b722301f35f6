using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WixUcp.Checkout;
using WixUcp.Idempotency;
using WixUcp.Orders;

namespace WixUcp.Storage;

/// <summary>
/// The one storage format of checkout sessions, carts, orders and idempotency responses: versioned, source-generated JSON.
/// Every store (memory, Redis, PostgreSQL) writes these bytes, so a record written by one replica or store reads the
/// same everywhere, and a format change is a new <see cref="FormatVersion"/> that readers handle explicitly.
/// </summary>
public static class UcpRecordSerializer
{
    /// <summary>The format version written today.</summary>
    public const int FormatVersion = 1;

    /// <summary>Serializes a checkout session.</summary>
    /// <param name="session">The session.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize(CheckoutSession session) => Write(session, StoredRecordJsonContext.Default.StoredRecordCheckoutSession);

    /// <summary>Serializes a cart.</summary>
    /// <param name="cart">The cart.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize(Carts.Cart cart) => Write(cart, StoredRecordJsonContext.Default.StoredRecordCart);

    /// <summary>Reads a cart written by <see cref="Serialize(Carts.Cart)"/>.</summary>
    /// <param name="utf8Json">The stored bytes.</param>
    /// <returns>The cart.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a stored cart of a known format.</exception>
    public static Carts.Cart DeserializeCart(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, StoredRecordJsonContext.Default.StoredRecordCart);

    /// <summary>Serializes an order.</summary>
    /// <param name="order">The order.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize(Order order) => Write(order, StoredRecordJsonContext.Default.StoredRecordOrder);

    /// <summary>Serializes a response kept for idempotent replay.</summary>
    /// <param name="response">The response.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize(IdempotentResponse response) => Write(response, StoredRecordJsonContext.Default.StoredRecordIdempotentResponse);

    /// <summary>Reads a checkout session written by <see cref="Serialize(CheckoutSession)"/>.</summary>
    /// <param name="utf8Json">The stored bytes.</param>
    /// <returns>The session.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a stored session of a known format.</exception>
    public static CheckoutSession DeserializeCheckoutSession(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, StoredRecordJsonContext.Default.StoredRecordCheckoutSession);

    /// <summary>Reads an order written by <see cref="Serialize(Order)"/>.</summary>
    /// <param name="utf8Json">The stored bytes.</param>
    /// <returns>The order.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a stored order of a known format.</exception>
    public static Order DeserializeOrder(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, StoredRecordJsonContext.Default.StoredRecordOrder);

    /// <summary>Reads an idempotent response written by <see cref="Serialize(IdempotentResponse)"/>.</summary>
    /// <param name="utf8Json">The stored bytes.</param>
    /// <returns>The response.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a stored response of a known format.</exception>
    public static IdempotentResponse DeserializeIdempotentResponse(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, StoredRecordJsonContext.Default.StoredRecordIdempotentResponse);

    private static byte[] Write<T>(T value, JsonTypeInfo<StoredRecord<T>> typeInfo)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToUtf8Bytes(new StoredRecord<T> { V = FormatVersion, Data = value }, typeInfo);
    }

    private static T Read<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<StoredRecord<T>> typeInfo)
        where T : class
    {
        StoredRecord<T>? record;
        try
        {
            record = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"A stored {typeof(T).Name} could not be read.", ex);
        }

        if (record is null || record.V != FormatVersion)
        {
            throw new InvalidDataException($"A stored {typeof(T).Name} has format version {record?.V}; this build reads {FormatVersion}.");
        }

        return record.Data;
    }
}
