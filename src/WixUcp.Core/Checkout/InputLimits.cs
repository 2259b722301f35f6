using System.Globalization;
using WixUcp.Messages;
using WixUcp.Protocol;

namespace WixUcp.Checkout;

/// <summary>The bounds every checkout and cart write is held to: line count, quantities (clamped, with the lines adjusted), codes.</summary>
internal static class InputLimits
{
    public static (IReadOnlyList<LineInput> Lines, IReadOnlyList<int> Adjusted) RequireLines(IReadOnlyList<LineInput>? lines, CheckoutOptions limits)
    {
        if (lines is null || lines.Count == 0)
        {
            throw new UcpRequestException("line_items must hold at least one line item.", MessageTarget.Of(MessageTargetKind.LineItems));
        }

        if (lines.Count > limits.MaxLineItems)
        {
            throw new UcpRequestException($"A checkout holds at most {limits.MaxLineItems} line items.", MessageTarget.Of(MessageTargetKind.LineItems));
        }

        var clamped = new List<LineInput>(lines.Count);
        var adjusted = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Quantity < 1)
            {
                throw new UcpRequestException("quantity must be at least 1.", MessageTarget.At(MessageTargetKind.LineItemQuantity, i));
            }

            if (lines[i].Quantity > limits.MaxQuantity)
            {
                adjusted.Add(i);
                clamped.Add(lines[i] with { Quantity = limits.MaxQuantity });
            }
            else
            {
                clamped.Add(lines[i]);
            }
        }

        return (clamped, adjusted);
    }

    public static void RequireFewDiscountCodes(IReadOnlyList<string>? codes, CheckoutOptions limits)
    {
        var limit = limits.MaxDiscountCodes;
        if (codes is { Count: var count } && count > limit)
        {
            throw new UcpRequestException($"A checkout carries at most {limit.ToString(CultureInfo.InvariantCulture)} discount codes.", MessageTarget.Of(MessageTargetKind.DiscountCodes));
        }
    }
}
