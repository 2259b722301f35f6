using System.Text.Json;
using WixUcp.Negotiation;
using WixUcp.Orders;
using WixUcp.Protocol;
using WixUcp.Versions.Shared;
using WixUcp.Versions.V20260408;

namespace WixUcp.Versions.V20260123;

/// <summary>
/// The UCP 2026-01-23 wire format. Its checkout shapes are 2026-04-08's (April added members, it changed none of these),
/// so it reads and writes checkouts as that codec does under January's rules: every total a magnitude, no
/// <c>ucp.status</c>, no <c>unrecoverable</c> severity, payment handlers without <c>available_instruments</c>, the
/// unversioned <c>https://ucp.dev/</c> URLs; and its order webhooks carry <c>event_id</c> and <c>created_time</c>.
/// An update's body <c>id</c>, which January requires, is read past: the path names the checkout.
/// </summary>
internal sealed class Codec20260123 : Codec20260408
{
    public Codec20260123()
        : base(UcpVersions.V20260123, "https://ucp.dev/", WireRules.January)
    {
    }

    public override byte[] WriteOrderEvent(Order order, NegotiationResult negotiation, string eventId, DateTimeOffset createdAt)
    {
        // The order document with the two event members the January webhook schema requires, appended in place: the
        // members are written as an object of their own, whose opening brace becomes the separating comma.
        var document = WriteOrder(order, negotiation);
        var members = new System.Buffers.ArrayBufferWriter<byte>(96);
        using (var writer = new Utf8JsonWriter(members))
        {
            writer.WriteStartObject();
            writer.WriteString("event_id", eventId);
            writer.WriteString("created_time", SharedWire.Timestamp(createdAt));
            writer.WriteEndObject();
        }

        var body = new byte[document.Length + members.WrittenCount - 1];
        document.AsSpan(0, document.Length - 1).CopyTo(body);
        members.WrittenSpan.CopyTo(body.AsSpan(document.Length - 1));
        body[document.Length - 1] = (byte)',';
        return body;
    }
}
