using System.Diagnostics.CodeAnalysis;

namespace WixUcp.Protocol;

/// <summary>
/// An RFC 8941 item: a bare value plus its parameters. Used for dictionary members that are
/// items and for the elements of an inner list.
/// </summary>
/// <remarks>
/// <see cref="Value"/> is one of: <see cref="string"/> (sf-string), <see cref="StructuredFieldToken"/>,
/// <see cref="long"/> (sf-integer), <see cref="decimal"/> (sf-decimal), <c>byte[]</c>
/// (sf-binary) or <see cref="bool"/> (sf-boolean). Parameter values use the same set of types.
/// </remarks>
internal sealed class StructuredFieldItem
{
    /// <summary>Creates an item from a parsed bare value and its parameters.</summary>
    /// <param name="value">The bare value; one of the types listed on the class.</param>
    /// <param name="parameters">The item's parameters by key; empty when it has none.</param>
    public StructuredFieldItem(object value, IReadOnlyDictionary<string, object> parameters)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(parameters);
        Value = value;
        Parameters = parameters;
    }

    /// <summary>The bare value; one of the types listed on the class.</summary>
    public object Value { get; }

    /// <summary>The item's parameters by key (keys are lowercase); empty when it has none.</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; }

    /// <summary>Reads the value only when it is an sf-string (a quoted string, not a token).</summary>
    public bool TryGetString([NotNullWhen(true)] out string? value) => TryGet(Value, out value);

    /// <summary>Reads the value only when it is an sf-token.</summary>
    public bool TryGetToken(out StructuredFieldToken value) => TryGet(Value, out value);

    /// <summary>Reads the value only when it is an sf-integer.</summary>
    public bool TryGetInteger(out long value) => TryGet(Value, out value);

    /// <summary>Reads the value only when it is an sf-decimal (integers are not converted).</summary>
    public bool TryGetDecimal(out decimal value) => TryGet(Value, out value);

    /// <summary>Reads the value only when it is an sf-boolean.</summary>
    public bool TryGetBoolean(out bool value) => TryGet(Value, out value);

    /// <summary>Reads the value only when it is an sf-binary byte sequence.</summary>
    public bool TryGetByteSequence([NotNullWhen(true)] out byte[]? value) => TryGet(Value, out value);

    /// <summary>Reads a parameter only when it is present and is an sf-string.</summary>
    public bool TryGetStringParameter(string key, [NotNullWhen(true)] out string? value) =>
        TryGetParameter(Parameters, key, out value);

    /// <summary>Reads a parameter only when it is present and has the requested bare-item type.</summary>
    public bool TryGetParameter<T>(string key, [NotNullWhen(true)] out T? value) =>
        TryGetParameter(Parameters, key, out value);

    /// <summary>Reads <paramref name="key"/> from <paramref name="parameters"/> only when it is present and has type <typeparamref name="T"/>.</summary>
    internal static bool TryGetParameter<T>(
        IReadOnlyDictionary<string, object> parameters, string key, [NotNullWhen(true)] out T? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (parameters.TryGetValue(key, out var raw))
        {
            return TryGet(raw, out value);
        }

        value = default;
        return false;
    }

    private static bool TryGet<T>(object raw, [NotNullWhen(true)] out T? value)
    {
        if (raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }
}
