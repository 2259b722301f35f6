using System.Globalization;

namespace WixUcp.Checkout;

/// <summary>Line item ids: kept when the platform echoes back a line it already had, fresh <c>li_N</c> ids otherwise.</summary>
internal static class LineIds
{
    public static List<LineInput> Assign(IReadOnlyList<LineInput> requested, IReadOnlyList<CheckoutLine> previous)
    {
        var known = previous.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var next = previous.Select(l => Number(l.Id)).DefaultIfEmpty(0).Max() + 1;
        var result = new List<LineInput>(requested.Count);
        foreach (var line in requested)
        {
            var id = line.Id is not null && known.Contains(line.Id) && used.Add(line.Id) ? line.Id : null;
            while (id is null)
            {
                var candidate = "li_" + next++.ToString(CultureInfo.InvariantCulture);
                if (!known.Contains(candidate) && used.Add(candidate))
                {
                    id = candidate;
                }
            }

            result.Add(line with { Id = id });
        }

        // Parent ids must name a line of this checkout.
        return result.Select(l => l.ParentId is null || used.Contains(l.ParentId) ? l : l with { ParentId = null }).ToList();
    }

    private static int Number(string id) =>
        id.StartsWith("li_", StringComparison.Ordinal) && int.TryParse(id.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
