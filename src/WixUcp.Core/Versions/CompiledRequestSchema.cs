using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WixUcp.Versions;

/// <summary>
/// The verdict of a request schema, compiled to a tree of checks over a <see cref="JsonElement"/>: the keywords the
/// exported request schemas use (<c>type</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>,
/// <c>propertyNames</c>, <c>items</c>, <c>minItems</c>, <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>,
/// <c>enum</c>, <c>minimum</c>, <c>maximum</c>; <c>format</c> and <c>description</c> annotate only), without the
/// allocations of a general evaluator. A schema using any other keyword does not compile (<see cref="TryCompile"/>
/// answers null) and the general evaluator decides. Tests compare both verdicts over a corpus of valid and malformed
/// requests.
/// </summary>
internal sealed class CompiledRequestSchema
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "type", "properties", "required", "additionalProperties", "propertyNames", "items", "minItems", "minLength",
        "maxLength", "pattern", "enum", "minimum", "maximum", "format", "description", "$ref",
    ];

    private TypeMask _types = TypeMask.Any;
    private Dictionary<string, CompiledRequestSchema>? _properties;
    private string[]? _required;
    private CompiledRequestSchema? _additional;
    private bool _additionalForbidden;
    private CompiledRequestSchema? _propertyNames;
    private CompiledRequestSchema? _items;
    private int? _minItems;
    private int? _minLength;
    private int? _maxLength;
    private Regex? _pattern;
    private JsonElement[]? _enum;
    private decimal? _minimum;
    private decimal? _maximum;
    private CompiledRequestSchema? _ref;

    [Flags]
    private enum TypeMask
    {
        None = 0,
        Object = 1,
        Array = 2,
        String = 4,
        Integer = 8,
        Number = 16,
        Boolean = 32,
        Null = 64,
        Any = 127,
    }

    /// <summary>The compiled schema, or null when it uses a keyword this compiler does not implement.</summary>
    public static CompiledRequestSchema? TryCompile(JsonElement schema)
    {
        try
        {
            return new Compiler(schema).Compile(schema, into: null);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    // Local references (#/…, which the exporter writes for a type it meets twice) compile once, so cycles terminate.
    private sealed class Compiler(JsonElement root)
    {
        private readonly Dictionary<string, CompiledRequestSchema> _byPointer = new(StringComparer.Ordinal);

        public CompiledRequestSchema Reference(string pointer)
        {
            if (!pointer.StartsWith("#/", StringComparison.Ordinal) && pointer != "#")
            {
                throw new NotSupportedException($"Only local references are compiled ({pointer}).");
            }

            if (_byPointer.TryGetValue(pointer, out var known))
            {
                return known;
            }

            var target = root;
            foreach (var segment in pointer.Length <= 2 ? [] : pointer[2..].Split('/'))
            {
                var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                target = target.ValueKind == JsonValueKind.Array ? target[int.Parse(name, CultureInfo.InvariantCulture)] : target.GetProperty(name);
            }

            var compiled = new CompiledRequestSchema();
            _byPointer[pointer] = compiled;
            return Compile(target, compiled);
        }

        public CompiledRequestSchema Compile(JsonElement schema, CompiledRequestSchema? into) => CompiledRequestSchema.Compile(schema, into ?? new CompiledRequestSchema(), this);
    }

    private static CompiledRequestSchema Compile(JsonElement schema, CompiledRequestSchema compiled, Compiler compiler)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return compiled;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new NotSupportedException("A schema must be an object or true.");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type":
                    compiled._types = value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Aggregate(TypeMask.None, (mask, t) => mask | TypeOf(t.GetString()))
                        : TypeOf(value.GetString());
                    break;
                case "properties":
                    compiled._properties = value.EnumerateObject().ToDictionary(p => p.Name, p => compiler.Compile(p.Value, null), StringComparer.Ordinal);
                    break;
                case "required":
                    compiled._required = [.. value.EnumerateArray().Select(r => r.GetString()!)];
                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.False:
                    compiled._additionalForbidden = true;
                    break;
                case "additionalProperties":
                    compiled._additional = compiler.Compile(value, null);
                    break;
                case "propertyNames":
                    compiled._propertyNames = compiler.Compile(value, null);
                    break;
                case "items":
                    compiled._items = compiler.Compile(value, null);
                    break;
                case "minItems":
                    compiled._minItems = value.GetInt32();
                    break;
                case "minLength":
                    compiled._minLength = value.GetInt32();
                    break;
                case "maxLength":
                    compiled._maxLength = value.GetInt32();
                    break;
                case "pattern":
                    compiled._pattern = new Regex(value.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                    break;
                case "enum":
                    compiled._enum = [.. value.EnumerateArray().Select(e => e.Clone())];
                    break;
                case "minimum":
                    compiled._minimum = value.GetDecimal();
                    break;
                case "maximum":
                    compiled._maximum = value.GetDecimal();
                    break;
                case "$ref":
                    compiled._ref = compiler.Reference(value.GetString()!);
                    break;
                case var name when Known.Contains(name):
                    break;
                default:
                    throw new NotSupportedException($"The keyword {keyword.Name} is not compiled.");
            }
        }

        return compiled;
    }

    private static TypeMask TypeOf(string? name) => name switch
    {
        "object" => TypeMask.Object,
        "array" => TypeMask.Array,
        "string" => TypeMask.String,
        "integer" => TypeMask.Integer,
        "number" => TypeMask.Number | TypeMask.Integer,
        "boolean" => TypeMask.Boolean,
        "null" => TypeMask.Null,
        _ => throw new NotSupportedException($"The type {name} is not compiled."),
    };

    /// <summary>Whether <paramref name="instance"/> keeps the schema.</summary>
    public bool Accepts(JsonElement instance)
    {
        if (_ref is not null && !_ref.Accepts(instance))
        {
            return false;
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                return (_types & TypeMask.Object) != 0 && AcceptsObject(instance);
            case JsonValueKind.Array:
                return (_types & TypeMask.Array) != 0 && AcceptsArray(instance);
            case JsonValueKind.String:
                return (_types & TypeMask.String) != 0 && AcceptsString(instance) && InEnum(instance);
            case JsonValueKind.Number:
                return ((_types & TypeMask.Number) != 0 || ((_types & TypeMask.Integer) != 0 && IsInteger(instance))) && AcceptsNumber(instance) && InEnum(instance);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return (_types & TypeMask.Boolean) != 0 && InEnum(instance);
            case JsonValueKind.Null:
                return (_types & TypeMask.Null) != 0 && InEnum(instance);
            default:
                return false;
        }
    }

    private bool AcceptsObject(JsonElement instance)
    {
        if (_required is not null)
        {
            foreach (var name in _required)
            {
                if (!instance.TryGetProperty(name, out _))
                {
                    return false;
                }
            }
        }

        foreach (var member in instance.EnumerateObject())
        {
            if (_propertyNames is not null && !_propertyNames.AcceptsName(member.Name))
            {
                return false;
            }

            if (_properties is not null && _properties.TryGetValue(member.Name, out var property))
            {
                if (!property.Accepts(member.Value))
                {
                    return false;
                }
            }
            else if (_additionalForbidden || (_additional is not null && !_additional.Accepts(member.Value)))
            {
                return false;
            }
        }

        return _enum is null || InEnum(instance);
    }

    private bool AcceptsArray(JsonElement instance)
    {
        if (_minItems is { } minItems && instance.GetArrayLength() < minItems)
        {
            return false;
        }

        if (_items is not null)
        {
            foreach (var item in instance.EnumerateArray())
            {
                if (!_items.Accepts(item))
                {
                    return false;
                }
            }
        }

        return _enum is null || InEnum(instance);
    }

    private bool AcceptsString(JsonElement instance) => AcceptsText(instance.GetString()!);

    // A property name is checked as a string instance.
    private bool AcceptsName(string name) => (_types & TypeMask.String) != 0 && AcceptsText(name);

    private bool AcceptsText(string text)
    {
        if (_minLength is not null || _maxLength is not null)
        {
            // JSON Schema counts code points, not UTF-16 units.
            var length = CodePoints(text);
            if (length < _minLength || length > _maxLength)
            {
                return false;
            }
        }

        return _pattern is null || _pattern.IsMatch(text);
    }

    private bool AcceptsNumber(JsonElement instance)
    {
        if (_minimum is null && _maximum is null)
        {
            return true;
        }

        // Beyond decimal's range a bound is decided by the sign, as a double would.
        if (!instance.TryGetDecimal(out var value))
        {
            var approximate = instance.GetDouble();
            return !(_minimum is { } min && approximate < (double)min) && !(_maximum is { } max && approximate > (double)max);
        }

        return !(value < _minimum) && !(value > _maximum);
    }

    private bool InEnum(JsonElement instance)
    {
        if (_enum is null)
        {
            return true;
        }

        foreach (var candidate in _enum)
        {
            if (JsonElement.DeepEquals(candidate, instance))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInteger(JsonElement number) =>
        number.TryGetInt64(out _) || (number.TryGetDecimal(out var value) && value == decimal.Truncate(value)) || (number.TryGetDouble(out var d) && Math.Abs(d % 1) == 0);

    private static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
