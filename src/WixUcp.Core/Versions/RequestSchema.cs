using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Json.Schema;
using WixUcp.Protocol;

namespace WixUcp.Versions;

/// <summary>
/// The JSON schema (draft 2020-12) of one operation's request document, compiled once. It is exported from the request
/// model the codec deserializes, through the same source-generated contract, so member names and types cannot drift from
/// what is read; then tightened by the model's annotations: <see cref="RequestPresenceAttribute"/> for what each
/// operation requires or omits, and data annotations (<see cref="RangeAttribute"/>, <see cref="MinLengthAttribute"/>,
/// <see cref="MaxLengthAttribute"/>, <see cref="AllowedValuesAttribute"/>, <see cref="RegularExpressionAttribute"/>,
/// <see cref="RequestMemberNamesAttribute"/>) for bounds. Members are never null on the wire (absence is omission) unless the model says so.
/// Unknown members stay allowed, as UCP's own schemas allow them; codecs ignore them.
/// </summary>
internal sealed class RequestSchema
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";
    private static readonly EvaluationOptions Verdict = new() { OutputFormat = OutputFormat.Flag };
    private static readonly EvaluationOptions Explanation = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema _compiled;
    private readonly CompiledRequestSchema? _fast;
    private readonly JsonObject _document;

    private RequestSchema(string name, JsonObject document)
    {
        Name = name;
        _document = document;
        using (var parsed = JsonDocument.Parse(document.ToJsonString()))
        {
            Document = parsed.RootElement.Clone();
        }

        _compiled = JsonSchema.Build(Document, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"urn:wixucp:request:{name}"));
        _fast = CompiledRequestSchema.TryCompile(Document);
    }

    /// <summary>The operation the schema is for, such as <c>2026-04-08/create_checkout</c>.</summary>
    public string Name { get; }

    /// <summary>The schema document, as served to clients that ask for it (MCP tool input schemas).</summary>
    public JsonElement Document { get; }

    /// <summary>Exports the request view of <paramref name="model"/> for <paramref name="operation"/> and compiles it.</summary>
    public static RequestSchema Export(string name, JsonTypeInfo model, RequestOperation operation)
    {
        var options = new JsonSchemaExporterOptions
        {
            TransformSchemaNode = (context, node) => Tighten(context, node, operation),
        };
        var document = JsonSchemaExporter.GetJsonSchemaAsNode(model, options).AsObject();
        document.Insert(0, "$schema", Draft202012);
        return new RequestSchema(name, document);
    }

    /// <summary>Throws <see cref="UcpRequestException"/> naming the first member that breaks the schema.</summary>
    public void Validate(JsonElement request)
    {
        if (!Accepts(request))
        {
            throw ExplainOrGeneric(request);
        }
    }

    /// <summary>True when <paramref name="request"/> keeps the schema.</summary>
    /// <remarks>
    /// The compiled checks decide a valid request without allocating; a refusal is confirmed by the general evaluator,
    /// which also explains it, so the fast path can only ever save time, never refuse more.
    /// </remarks>
    public bool Accepts(JsonElement request) => _fast?.Accepts(request) == true || _compiled.Evaluate(request, Verdict).IsValid;

    /// <summary>The general evaluator's verdict alone (the reference the compiled checks are tested against).</summary>
    internal bool AcceptsByReference(JsonElement request) => _compiled.Evaluate(request, Verdict).IsValid;

    /// <summary>The compiled checks' verdict alone, or null when the schema did not compile.</summary>
    internal bool? AcceptsByCompiled(JsonElement request) => _fast?.Accepts(request);

    // The request is invalid whatever the explanation does: a schema shape the explanation does not foresee must not
    // turn a 400 into a 500.
    private UcpRequestException ExplainOrGeneric(JsonElement request)
    {
        try
        {
            return Explain(request);
        }
        catch (Exception)
        {
            return Generic;
        }
    }

    private static UcpRequestException Generic => new("The request does not match the schema of this operation.", "$");

    // Only failing requests pay for the detailed evaluation; the message is written from the schema, never from the
    // value, so nothing a client sent (personal data, a megabyte of text) is echoed.
    private UcpRequestException Explain(JsonElement request)
    {
        var details = _compiled.Evaluate(request, Explanation).Details ?? [];
        foreach (var detail in details)
        {
            if (detail.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var segments = new string[detail.InstanceLocation.SegmentCount];
            for (var i = 0; i < segments.Length; i++)
            {
                segments[i] = detail.InstanceLocation[i].ToString();
            }

            var keyword = errors.Keys.First();
            var schema = SchemaAt(segments);
            if (keyword == "required" && schema?["required"] is JsonArray required && InstanceAt(request, segments) is { ValueKind: JsonValueKind.Object } instance)
            {
                var missing = required.Select(n => n!.GetValue<string>()).FirstOrDefault(n => !instance.TryGetProperty(n, out _));
                if (missing is not null)
                {
                    return new UcpRequestException($"{missing} is required.", PathOf(request, [.. segments, missing]));
                }
            }

            return new UcpRequestException($"{Subject(segments)} {Rule(keyword, schema)}.", PathOf(request, segments));
        }

        return Generic;
    }

    private JsonObject? SchemaAt(string[] segments)
    {
        JsonNode? node = _document;
        foreach (var segment in segments)
        {
            node = node?["properties"]?[segment] ?? node?["items"] ?? node?["additionalProperties"];
        }

        return node as JsonObject;
    }

    private static JsonElement? InstanceAt(JsonElement request, IEnumerable<string> segments)
    {
        var current = request;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var member))
            {
                current = member;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    // JSONPath as UCP messages write it: $.line_items[0].item.id, with bracket notation for unusual member names.
    private static string PathOf(JsonElement request, string[] segments)
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < segments.Length; i++)
        {
            var parent = InstanceAt(request, segments.Take(i));
            if (parent is { ValueKind: JsonValueKind.Array })
            {
                path.Append('[').Append(segments[i]).Append(']');
            }
            else if (segments[i].Length > 0 && segments[i].All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(segments[i][0]))
            {
                path.Append('.').Append(segments[i]);
            }
            else
            {
                path.Append("['").Append(segments[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return path.ToString();
    }

    private static string Subject(string[] segments) =>
        segments.Length == 0 ? "The request body"
        : int.TryParse(segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _) && segments.Length > 1 ? $"Each item of {segments[^2]}"
        : segments[^1];

    private static string Rule(string keyword, JsonObject? schema)
    {
        string Value(string name) => schema?[name]?.ToJsonString() ?? "?";
        return keyword switch
        {
            "type" => "must be " + TypeNoun(schema?["type"]),
            "minimum" => $"must be at least {Value("minimum")}",
            "maximum" => $"must be at most {Value("maximum")}",
            "minLength" => $"must have at least {Value("minLength")} characters",
            "maxLength" => $"must have at most {Value("maxLength")} characters",
            "minItems" => $"must hold at least {Value("minItems")} items",
            "maxItems" => $"must hold at most {Value("maxItems")} items",
            "enum" => "must be one of " + string.Join(", ", (schema?["enum"] as JsonArray ?? []).Select(v => v?.ToJsonString())),
            "pattern" => "does not have the expected format",
            _ => $"does not keep the '{keyword}' rule of this operation's schema",
        };
    }

    // "type" is a name, or a list of names when null is allowed too (RequestPresence Nullable): ["string", "null"].
    private static string TypeNoun(JsonNode? type)
    {
        static string? Name(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;
        var names = type is JsonArray list ? [.. list.Select(Name).OfType<string>()] : Name(type) is { } single ? [single] : Array.Empty<string>();
        var noun = names.FirstOrDefault(n => n != "null") switch
        {
            "object" => "an object",
            "array" => "a list",
            "integer" => "an integer",
            "number" => "a number",
            "boolean" => "true or false",
            _ => "a string",
        };
        return names.Contains("null") ? noun + " or null" : noun;
    }

    private static JsonNode Tighten(JsonSchemaExporterContext context, JsonNode node, RequestOperation operation)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        var member = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(inherit: false) ?? [];
        if (!member.OfType<RequestPresenceAttribute>().Any(p => p.Nullable))
        {
            DropNull(schema);
        }

        foreach (var attribute in member)
        {
            Bound(schema, attribute);
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && schema["properties"] is JsonObject properties)
        {
            ApplyPresence(schema, properties, context.TypeInfo, operation);
        }

        return schema;
    }

    private static void DropNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
        {
            var rest = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToArray();
            schema["type"] = rest.Length == 1 ? JsonValue.Create(rest[0]) : new JsonArray([.. rest.Select(t => (JsonNode)JsonValue.Create(t))]);
        }
    }

    private static void Bound(JsonObject schema, object attribute)
    {
        var isArray = schema["type"]?.GetValueKind() == JsonValueKind.String && schema["type"]!.GetValue<string>() == "array";
        switch (attribute)
        {
            case RangeAttribute range:
                Bound(schema, "minimum", range.Minimum);
                Bound(schema, "maximum", range.Maximum);
                break;
            case MinLengthAttribute min:
                schema[isArray ? "minItems" : "minLength"] = min.Length;
                break;
            case MaxLengthAttribute max:
                schema[isArray ? "maxItems" : "maxLength"] = max.Length;
                break;
            case AllowedValuesAttribute allowed:
                schema["enum"] = new JsonArray([.. allowed.Values.Select(v => JsonValue.Create(Convert.ToString(v, CultureInfo.InvariantCulture)))]);
                break;
            case RegularExpressionAttribute expression:
                schema["pattern"] = expression.Pattern;
                break;
            case RequestMemberNamesAttribute names:
                schema["propertyNames"] = new JsonObject { ["pattern"] = names.Pattern };
                break;
        }
    }

    // An infinite end of a range is no bound at all.
    private static void Bound(JsonObject schema, string keyword, object value)
    {
        if (value is not double.PositiveInfinity and not double.NegativeInfinity)
        {
            schema[keyword] = JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
        }
    }

    private static void ApplyPresence(JsonObject schema, JsonObject properties, JsonTypeInfo type, RequestOperation operation)
    {
        foreach (var property in type.Properties)
        {
            var presence = property.AttributeProvider?.GetCustomAttributes(typeof(RequestPresenceAttribute), inherit: false)
                .OfType<RequestPresenceAttribute>().FirstOrDefault()?.For(operation) ?? RequestPresence.Unchanged;
            switch (presence)
            {
                case RequestPresence.Omit:
                    properties.Remove(property.Name);
                    break;
                case RequestPresence.Required:
                    var required = schema["required"] as JsonArray;
                    if (required is null)
                    {
                        schema["required"] = required = [];
                    }

                    if (!required.Any(r => r?.GetValue<string>() == property.Name))
                    {
                        required.Add((JsonNode)JsonValue.Create(property.Name));
                    }

                    break;
            }
        }
    }
}
