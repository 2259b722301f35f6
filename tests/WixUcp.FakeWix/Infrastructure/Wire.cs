using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace WixUcp.FakeWix.Infrastructure;

/// <summary>JSON in and out: request bodies (read once by <see cref="RequestLog"/>), responses, paths and dates.</summary>
internal static class Wire
{
    public const string BodyItem = "fakewix.body";

    /// <summary>Output options: no escaping of quotes, apostrophes or non-ASCII beyond what JSON requires.</summary>
    public static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Body(HttpContext http) => http.Items[BodyItem] as byte[] ?? [];

    /// <summary>The request body as a JSON object; an empty body is an empty object; anything else answers 400.</summary>
    public static JsonObject ReadObject(HttpContext http)
    {
        var body = Body(http);
        if (body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw WixErrors.BadRequest("body", "must be a JSON object");
        }
        catch (JsonException e)
        {
            throw WixErrors.BadRequest("body", "malformed JSON: " + e.Message);
        }
    }

    public static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(Output), "application/json", Encoding.UTF8, status);

    /// <summary>The node at a dotted path (objects only), or null.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        if (path.Length == 0)
        {
            return node;
        }

        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The string at a dotted path; numbers and booleans are given as their JSON text.</summary>
    public static string? Str(JsonNode? node, string path) => At(node, path) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public static bool? Bool(JsonNode? node, string path) =>
        At(node, path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>An integer at a path; a non-integer answers 400 naming <paramref name="field"/>.</summary>
    public static int? Int(JsonNode? node, string path, string field)
    {
        var value = At(node, path);
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue v)
        {
            if (v.TryGetValue<int>(out var i))
            {
                return i;
            }

            if (v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out i))
            {
                return i;
            }
        }

        throw WixErrors.BadRequest(field, "must be an integer");
    }

    public static JsonObject? Obj(JsonNode? node, string path) => At(node, path) as JsonObject;

    public static JsonArray? Arr(JsonNode? node, string path) => At(node, path) as JsonArray;

    public static string Date(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string NewId() => Guid.NewGuid().ToString();

    /// <summary>Adds <paramref name="value"/> under <paramref name="name"/> unless it is null (Wix omits unset members).</summary>
    public static JsonObject With(this JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }

        return target;
    }
}
