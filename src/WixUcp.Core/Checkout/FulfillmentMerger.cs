using System.Globalization;

namespace WixUcp.Checkout;

/// <summary>
/// Applies the platform's fulfillment input to the stored method. One shipping method with one group is kept: the
/// sandbox and most stores ship everything together, and platforms without multi-group support expect one group.
/// </summary>
internal static class FulfillmentMerger
{
    /// <param name="input">The methods the platform sent; null when the member was absent.</param>
    /// <param name="previous">The stored methods.</param>
    /// <param name="fulfillmentActive">Whether the fulfillment extension was negotiated; without it input is ignored.</param>
    public static FulfillmentDraft? Merge(IReadOnlyList<FulfillmentMethodInput>? input, IReadOnlyList<FulfillmentMethod>? previous, bool fulfillmentActive)
    {
        var stored = previous is { Count: > 0 } ? FulfillmentDraft.From(previous[0]) : null;
        if (!fulfillmentActive)
        {
            return stored;
        }

        var requested = input is { Count: > 0 } ? input[0] : null;
        if (requested is null)
        {
            return input is null ? stored : null;
        }

        var draft = stored ?? new FulfillmentDraft { Id = FulfillmentDraft.DefaultMethodId };
        if (requested.Type == FulfillmentType.Pickup)
        {
            draft = draft with { PickupRequested = true };
        }

        if (requested.LineItemIds is not null)
        {
            draft = draft with { LineItemIds = requested.LineItemIds };
        }

        if (requested.Destinations is not null)
        {
            var destinations = NameDestinations(requested.Destinations);
            draft = draft with { Destinations = destinations, SelectedDestinationId = destinations.Count == 1 ? destinations[0].Id : null };
        }

        if (requested.SelectedDestinationId is not null)
        {
            draft = draft with { SelectedDestinationId = requested.SelectedDestinationId };
        }

        if (requested.Groups is { Count: > 0 } groups)
        {
            draft = draft with { SelectedOptionId = groups[0].SelectedOptionId };
        }

        return draft;
    }

    // Keeps the platform's ids where they are unique; the others get dest_N ids that collide with none sent.
    private static List<FulfillmentDestination> NameDestinations(IReadOnlyList<DestinationInput> requested)
    {
        var destinations = new List<FulfillmentDestination>(requested.Count);
        var number = 1;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var destination in requested)
        {
            var id = destination.Id is { Length: > 0 } given && used.Add(given) ? given : null;
            while (id is null)
            {
                var candidate = "dest_" + number++.ToString(CultureInfo.InvariantCulture);
                if (!requested.Any(d => d.Id == candidate) && used.Add(candidate))
                {
                    id = candidate;
                }
            }

            destinations.Add(new FulfillmentDestination { Id = id, Address = destination.Address });
        }

        return destinations;
    }
}
