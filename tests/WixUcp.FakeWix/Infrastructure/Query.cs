using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace WixUcp.FakeWix.Infrastructure;

/// <summary>
/// Wix API Query Language over rendered documents: a filter object whose keys are dotted field paths (arrays on the way
/// are flattened, so <c>variantsInfo.variants.sku</c> matches any variant) and whose values are literals ($eq) or
/// operator objects ($eq, $ne, $in, $nin, $hasSome, $hasAll, $contains, $startsWith, $gt, $gte, $lt, $lte, $exists),
/// combined with $and, $or and $not. Sort, cursor paging and offset paging live here too.
/// </summary>
internal static class Query
{
    public static bool Matches(JsonNode document, JsonObject? filter, IReadOnlyDictionary<string, string[]>? aliases = null)
    {
        if (filter is null)
        {
            return true;
        }

        foreach (var (key, condition) in filter)
        {
            var ok = key switch
            {
                "$and" => Each(condition).All(f => Matches(document, f as JsonObject, aliases)),
                "$or" => Each(condition).Any(f => Matches(document, f as JsonObject, aliases)),
                "$not" => !Matches(document, condition as JsonObject, aliases),
                _ => Holds(Resolve(document, aliases is not null && aliases.TryGetValue(key, out var paths) ? paths : [key]), condition, key),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<JsonNode?> Each(JsonNode? node) =>
        node as JsonArray ?? throw WixErrors.BadRequest("filter", "$and/$or take an array");

    private static List<JsonNode?> Resolve(JsonNode document, string[] paths)
    {
        var found = new List<JsonNode?>();
        foreach (var path in paths)
        {
            var current = new List<JsonNode?> { document };
            foreach (var part in path.Split('.'))
            {
                var next = new List<JsonNode?>();
                foreach (var node in current.SelectMany(Flatten))
                {
                    if (node is JsonObject o && o.TryGetPropertyValue(part, out var child))
                    {
                        next.Add(child);
                    }
                }

                current = next;
            }

            found.AddRange(current.SelectMany(Flatten));
        }

        return found;
    }

    private static IEnumerable<JsonNode?> Flatten(JsonNode? node) => node is JsonArray a ? a.AsEnumerable() : new[] { node };

    private static bool Holds(List<JsonNode?> values, JsonNode? condition, string field)
    {
        if (condition is not JsonObject ops || ops.Count == 0 || !ops.All(p => p.Key.StartsWith('$')))
        {
            return values.Any(v => Equal(v, condition));
        }

        foreach (var (op, arg) in ops)
        {
            var ok = op switch
            {
                "$eq" => values.Any(v => Equal(v, arg)),
                "$ne" => !values.Any(v => Equal(v, arg)),
                "$in" or "$hasSome" => List(arg, field).Any(a => values.Any(v => Equal(v, a))),
                "$nin" => !List(arg, field).Any(a => values.Any(v => Equal(v, a))),
                "$hasAll" => List(arg, field).All(a => values.Any(v => Equal(v, a))),
                "$contains" => values.Any(v => Text(v)?.Contains(Text(arg) ?? "", StringComparison.OrdinalIgnoreCase) == true),
                "$startsWith" => values.Any(v => Text(v)?.StartsWith(Text(arg) ?? "", StringComparison.OrdinalIgnoreCase) == true),
                "$gt" => values.Any(v => Compare(v, arg) > 0),
                "$gte" => values.Any(v => Compare(v, arg) >= 0),
                "$lt" => values.Any(v => Compare(v, arg) < 0),
                "$lte" => values.Any(v => Compare(v, arg) <= 0),
                "$exists" => values.Any(v => v is not null) == (arg is JsonValue b && b.TryGetValue<bool>(out var e) && e),
                _ => throw WixErrors.BadRequest("filter." + field, $"unsupported operator {op}"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonArray List(JsonNode? arg, string field) =>
        arg as JsonArray ?? throw WixErrors.BadRequest("filter." + field, "operator needs an array");

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
        : null;

    private static decimal? Number(JsonNode? node) =>
        Text(node) is { } s && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static bool Equal(JsonNode? value, JsonNode? arg)
    {
        if (value is null || arg is null)
        {
            return value is null && arg is null;
        }

        if (Number(value) is { } a && Number(arg) is { } b)
        {
            return a == b;
        }

        return string.Equals(Text(value), Text(arg), StringComparison.Ordinal);
    }

    /// <summary>Orders numbers numerically and everything else (ISO dates included) ordinally.</summary>
    public static int Compare(JsonNode? value, JsonNode? arg)
    {
        if (Number(value) is { } a && Number(arg) is { } b)
        {
            return a.CompareTo(b);
        }

        return string.CompareOrdinal(Text(value), Text(arg));
    }

    /// <summary>Sorts by <c>[{fieldName, order: ASC|DESC}]</c> (or V1's <c>[{"field": "asc"}]</c>); stable.</summary>
    public static List<JsonObject> Sort(IEnumerable<JsonObject> documents, JsonArray? sort)
    {
        var list = documents.ToList();
        if (sort is null || sort.Count == 0)
        {
            return list;
        }

        var keys = new List<(string Field, bool Descending)>();
        foreach (var entry in sort.OfType<JsonObject>())
        {
            if (Wire.Str(entry, "fieldName") is { } name)
            {
                keys.Add((name, string.Equals(Wire.Str(entry, "order"), "DESC", StringComparison.OrdinalIgnoreCase)));
            }
            else if (entry.Count == 1)
            {
                var (field, order) = entry.First();
                keys.Add((field, string.Equals(Text(order), "desc", StringComparison.OrdinalIgnoreCase)));
            }
        }

        IOrderedEnumerable<JsonObject>? sorted = null;
        foreach (var (field, descending) in keys)
        {
            Func<JsonObject, JsonNode?> key = d => Resolve(d, [field]).FirstOrDefault();
            var comparer = Comparer<JsonNode?>.Create(Compare);
            sorted = sorted is null
                ? descending ? list.OrderByDescending(key, comparer) : list.OrderBy(key, comparer)
                : descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer);
        }

        return sorted?.ToList() ?? list;
    }

    /// <summary>
    /// Cursor paging (<c>{limit, cursor}</c>, limit at most <paramref name="maxLimit"/>): the page and Wix's paging
    /// metadata <c>{count, cursors: {next?}, hasNext}</c>. Cursors are opaque strings (base64url of the offset).
    /// </summary>
    public static (List<T> Page, JsonObject Metadata) CursorPage<T>(List<T> items, JsonObject? paging, string field, int maxLimit = 100)
    {
        var limit = Wire.Int(paging, "limit", field + ".limit") ?? maxLimit;
        if (limit is < 1 || limit > maxLimit)
        {
            throw WixErrors.BadRequest(field + ".limit", $"must be between 1 and {maxLimit}");
        }

        var offset = 0;
        if (Wire.Str(paging, "cursor") is { Length: > 0 } cursor)
        {
            offset = DecodeCursor(cursor) ?? throw WixErrors.BadRequest(field + ".cursor", "invalid cursor");
        }

        var page = items.Skip(offset).Take(limit).ToList();
        var hasNext = offset + page.Count < items.Count;
        var cursors = new JsonObject();
        if (hasNext)
        {
            cursors["next"] = EncodeCursor(offset + page.Count);
        }

        if (offset > 0)
        {
            cursors["prev"] = EncodeCursor(Math.Max(0, offset - limit));
        }

        return (page, new JsonObject { ["count"] = page.Count, ["cursors"] = cursors, ["hasNext"] = hasNext });
    }

    private static string EncodeCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int? DecodeCursor(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Stores V1's filter and sort: JSON-encoded strings. An object (the peer's mistake) answers 400 as Wix does.</summary>
    public static JsonNode? ParseEncoded(JsonNode? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            throw WixErrors.BadRequest(field, "Expected a JSON-encoded string, got " + value.GetValueKind().ToString().ToUpperInvariant());
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            throw WixErrors.BadRequest(field, "is not valid JSON");
        }
    }
}
