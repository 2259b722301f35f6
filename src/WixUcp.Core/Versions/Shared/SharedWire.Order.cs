using System.Globalization;
using System.Text.Json;
using WixUcp.Commerce;
using WixUcp.Protocol;
using WixUcp.Negotiation;
using WixUcp.Orders;

namespace WixUcp.Versions.Shared;

internal sealed partial class SharedWire
{
    public byte[] WriteOrder(Order order, NegotiationResult negotiation)
    {
        var dto = new OrderDto
        {
            Ucp = Meta(negotiation, handlers: null),
            Id = order.Id,
            Label = order.Label,
            CheckoutId = order.CheckoutId,
            PermalinkUrl = order.PermalinkUrl.AbsoluteUri,
            LineItems = order.Lines.Select(l => new OrderLineItemDto
            {
                Id = l.Id,
                Item = new ItemDto { Id = l.ItemId, Title = l.Title, Price = l.UnitPrice, ImageUrl = l.ImageUrl },
                Quantity = new OrderQuantityDto { Original = l.OriginalQuantity, Total = l.Quantity, Fulfilled = l.FulfilledQuantity },
                Totals = Totals(l.Totals),
                Status = l.Status.ToString().ToLowerInvariant(),
                ParentId = l.ParentId,
            }).ToList(),
            Fulfillment = new OrderFulfillmentDto
            {
                Expectations = order.Expectations.Select(e => new ExpectationDto
                {
                    Id = e.Id,
                    LineItems = e.Lines.Select(ToDto).ToList(),
                    MethodType = e.MethodType,
                    Destination = ToDto(e.Destination, id: null),
                    Description = e.Description,
                }).ToList(),
                Events = order.Events.Select(e => new FulfillmentEventDto
                {
                    Id = e.Id,
                    OccurredAt = Timestamp(e.OccurredAt),
                    Type = e.Type,
                    LineItems = e.Lines.Select(ToDto).ToList(),
                    TrackingNumber = e.TrackingNumber,
                    TrackingUrl = e.TrackingUrl?.AbsoluteUri,
                    Carrier = e.Carrier,
                    Description = e.Description,
                }).ToList(),
            },
            Currency = order.Currency,
            Totals = Totals(order.Totals),
            Adjustments = order.Adjustments.Count == 0 ? null : order.Adjustments.Select(a => new AdjustmentDto
            {
                Id = a.Id,
                Type = a.Type,
                OccurredAt = Timestamp(a.OccurredAt),
                Status = a.Status switch { AdjustmentStatus.Completed => "completed", AdjustmentStatus.Failed => "failed", _ => "pending" },
                LineItems = a.Lines.Count == 0 ? null : a.Lines.Select(ToDto).ToList(),
                Totals = a.Totals.Count == 0 ? null : Totals(a.Totals),
            }).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.OrderDto);
    }

    private static LineQuantityDto ToDto(OrderLineQuantity line) => new() { Id = line.LineId, Quantity = line.Quantity };

    public OrderHistoryInput ReadOrderUpdate(ReadOnlySpan<byte> body)
    {
        OrderUpdateRequestDto dto;
        try
        {
            dto = Read(body, Json.OrderUpdateRequestDto, RequestSchemaNames.UpdateOrder);
        }
        catch (UcpRequestException ex)
        {
            // A snapshot that does not keep the order's shape cannot be applied: 422, naming the member.
            throw new UcpRequestException(ex.Message, ex.WirePath, "invalid_order", ex, statusCode: 422);
        }

        var events = dto.Fulfillment?.Events?.Select((e, i) =>
        {
            var path = $"$.fulfillment.events[{i.ToString(CultureInfo.InvariantCulture)}]";
            return new FulfillmentEvent
            {
                Id = e.Id!,
                OccurredAt = Instant(e.OccurredAt!, path + ".occurred_at"),
                Type = e.Type!,
                Lines = [.. e.LineItems!.Select(l => new OrderLineQuantity(l.Id!, l.Quantity!.Value))],
                TrackingNumber = e.TrackingNumber,
                TrackingUrl = e.TrackingUrl is null ? null : WebUrl(e.TrackingUrl, path + ".tracking_url"),
                Carrier = e.Carrier,
                Description = e.Description,
            };
        }).ToList();
        var adjustments = dto.Adjustments?.Select((a, i) => new OrderAdjustment
        {
            Id = a.Id!,
            Type = a.Type!,
            OccurredAt = Instant(a.OccurredAt!, $"$.adjustments[{i.ToString(CultureInfo.InvariantCulture)}].occurred_at"),
            Status = a.Status switch { "completed" => AdjustmentStatus.Completed, "failed" => AdjustmentStatus.Failed, _ => AdjustmentStatus.Pending },
            Lines = [.. (a.LineItems ?? []).Select(l => new OrderLineQuantity(l.Id!, l.Quantity!.Value))],
            Totals = [.. (a.Totals ?? []).Select(t => new Total(t.Type!, t.Amount!.Value, t.DisplayText))],
        }).ToList();
        return new OrderHistoryInput(events, adjustments);
    }

    // RFC 3339 date-times, as UCP writes them; anything else is not a time this server can order events by.
    private static DateTimeOffset Instant(string value, string path) =>
        DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : throw new UcpRequestException("This is not an RFC 3339 date-time (e.g. 2026-11-30T12:00:00Z).", path, "invalid_order", statusCode: 422);

    private static Uri WebUrl(string value, string path) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new UcpRequestException("This is not an absolute http(s) URL.", path, "invalid_order", statusCode: 422);
}
