using System.Globalization;
using System.Text;
using WixUcp.Commerce;

namespace WixUcp.Checkout;

/// <summary>
/// Platforms send a saved address back with an empty or made-up id. A destination whose address fields match one of the
/// buyer's saved addresses (trimmed, case and spacing folded) takes the saved address's id, so the store sees the
/// address it knows; the selection follows the rename. Names and phone numbers are not compared.
/// </summary>
internal static class SavedAddressMatch
{
    public static FulfillmentDraft Reuse(FulfillmentDraft method, IReadOnlyList<SavedAddress> saved)
    {
        var taken = method.Destinations.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var destinations = new List<FulfillmentDestination>(method.Destinations.Count);
        foreach (var destination in method.Destinations)
        {
            var match = saved.FirstOrDefault(s => Same(s.Address, destination.Address));
            if (match is not null && match.Id != destination.Id && !taken.Contains(match.Id))
            {
                taken.Remove(destination.Id);
                taken.Add(match.Id);
                renamed[destination.Id] = match.Id;
                destinations.Add(destination with { Id = match.Id });
            }
            else
            {
                destinations.Add(destination);
            }
        }

        if (renamed.Count == 0)
        {
            return method;
        }

        var selected = method.SelectedDestinationId is { } id && renamed.TryGetValue(id, out var newId) ? newId : method.SelectedDestinationId;
        return method with { Destinations = destinations, SelectedDestinationId = selected };
    }

    private static bool Same(PostalAddress a, PostalAddress b) =>
        Fold(a.StreetAddress) == Fold(b.StreetAddress)
        && Fold(a.ExtendedAddress) == Fold(b.ExtendedAddress)
        && Fold(a.AddressLocality) == Fold(b.AddressLocality)
        && Fold(a.AddressRegion) == Fold(b.AddressRegion)
        && Fold(a.PostalCode).Replace(" ", "", StringComparison.Ordinal) == Fold(b.PostalCode).Replace(" ", "", StringComparison.Ordinal)
        && Fold(a.AddressCountry) == Fold(b.AddressCountry);

    // Trimmed, runs of white space as one space, upper case (invariant): "1 Market  st " equals "1 MARKET ST".
    private static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var folded = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (folded[^1] != ' ')
                {
                    folded.Append(' ');
                }
            }
            else
            {
                folded.Append(char.ToUpper(c, CultureInfo.InvariantCulture));
            }
        }

        return folded.ToString();
    }
}
