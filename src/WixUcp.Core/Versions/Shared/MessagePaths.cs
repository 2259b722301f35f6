using System.Globalization;
using WixUcp.Messages;

namespace WixUcp.Versions.Shared;

/// <summary>Renders message targets as RFC 9535 JSONPaths into 2026-04-08 and 2026-08-25 documents.</summary>
internal static class MessagePaths
{
    public static string? Render(MessageTarget? target)
    {
        if (target is null)
        {
            return null;
        }

        var i = target.Index.ToString(CultureInfo.InvariantCulture);
        var method = $"$.fulfillment.methods[{target.Method.ToString(CultureInfo.InvariantCulture)}]";
        return target.Kind switch
        {
            MessageTargetKind.Document => "$",
            MessageTargetKind.LineItems => "$.line_items",
            MessageTargetKind.LineItem => $"$.line_items[{i}]",
            MessageTargetKind.LineItemItemId => $"$.line_items[{i}].item.id",
            MessageTargetKind.LineItemQuantity => $"$.line_items[{i}].quantity",
            MessageTargetKind.BuyerEmail => "$.buyer.email",
            MessageTargetKind.FulfillmentMethods => "$.fulfillment.methods",
            MessageTargetKind.FulfillmentMethodType => method + ".type",
            MessageTargetKind.FulfillmentMethodLineItems => method + ".line_item_ids",
            MessageTargetKind.FulfillmentDestinations => method + ".destinations",
            MessageTargetKind.FulfillmentDestination => $"{method}.destinations[{i}]",
            MessageTargetKind.FulfillmentSelectedDestination => method + ".selected_destination_id",
            MessageTargetKind.FulfillmentSelectedOption => $"{method}.groups[{i}].selected_option_id",
            MessageTargetKind.DiscountCodes => "$.discounts.codes",
            MessageTargetKind.DiscountCode => $"$.discounts.codes[{i}]",
            MessageTargetKind.PaymentInstruments => "$.payment.instruments",
            MessageTargetKind.PaymentInstrument => $"$.payment.instruments[{i}]",
            MessageTargetKind.PaymentInstrumentHandler => $"$.payment.instruments[{i}].handler_id",
            MessageTargetKind.PaymentInstrumentType => $"$.payment.instruments[{i}].type",
            MessageTargetKind.PaymentInstrumentCredential => $"$.payment.instruments[{i}].credential",
            MessageTargetKind.PaginationLimit => "$.pagination.limit",
            MessageTargetKind.PaginationCursor => "$.pagination.cursor",
            MessageTargetKind.LookupIds => "$.ids",
            MessageTargetKind.ProductId => "$.id",
            _ => "$",
        };
    }
}
