using System.Diagnostics.CodeAnalysis;

namespace WixUcp.Protocol;

/// <summary>
/// The value of one RFC 8941 dictionary member: either an item (bare value + parameters) or an
/// inner list (items + parameters). Exactly one of <see cref="Item"/> and <see cref="InnerList"/>
/// is non-null.
/// </summary>
internal sealed class StructuredFieldMember
{
    private StructuredFieldMember(
        StructuredFieldItem? item,
        IReadOnlyList<StructuredFieldItem>? innerList,
        IReadOnlyDictionary<string, object> parameters)
    {
        Item = item;
        InnerList = innerList;
        Parameters = parameters;
    }

    /// <summary>The item, when this member is not an inner list.</summary>
    public StructuredFieldItem? Item { get; }

    /// <summary>The inner list's items, when this member is an inner list.</summary>
    public IReadOnlyList<StructuredFieldItem>? InnerList { get; }

    /// <summary>Whether this member is an inner list rather than an item.</summary>
    [MemberNotNullWhen(true, nameof(InnerList))]
    [MemberNotNullWhen(false, nameof(Item))]
    public bool IsInnerList => InnerList is not null;

    /// <summary>The bare value of an item member; <see langword="null"/> for an inner list.</summary>
    public object? Value => Item?.Value;

    /// <summary>
    /// The member's parameters: the item's parameters for an item, or the parameters that follow
    /// the closing parenthesis for an inner list.
    /// </summary>
    public IReadOnlyDictionary<string, object> Parameters { get; }

    /// <summary>A member whose value is an item; it takes the item's parameters.</summary>
    public static StructuredFieldMember FromItem(StructuredFieldItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new StructuredFieldMember(item, null, item.Parameters);
    }

    /// <summary>A member whose value is an inner list with the given list-level parameters.</summary>
    public static StructuredFieldMember FromInnerList(
        IReadOnlyList<StructuredFieldItem> items, IReadOnlyDictionary<string, object> parameters)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(parameters);
        return new StructuredFieldMember(null, items, parameters);
    }

    // The typed getters answer false for inner lists so callers can validate a member with one call.
    /// <summary>Reads the value only when the member is an item holding an sf-string.</summary>
    public bool TryGetString([NotNullWhen(true)] out string? value)
    {
        value = null;
        return Item is not null && Item.TryGetString(out value);
    }

    /// <summary>Reads the value only when the member is an item holding an sf-token.</summary>
    public bool TryGetToken(out StructuredFieldToken value)
    {
        value = default;
        return Item is not null && Item.TryGetToken(out value);
    }

    /// <summary>Reads the value only when the member is an item holding an sf-integer.</summary>
    public bool TryGetInteger(out long value)
    {
        value = 0;
        return Item is not null && Item.TryGetInteger(out value);
    }

    /// <summary>Reads the value only when the member is an item holding an sf-decimal.</summary>
    public bool TryGetDecimal(out decimal value)
    {
        value = 0m;
        return Item is not null && Item.TryGetDecimal(out value);
    }

    /// <summary>Reads the value only when the member is an item holding an sf-boolean.</summary>
    public bool TryGetBoolean(out bool value)
    {
        value = false;
        return Item is not null && Item.TryGetBoolean(out value);
    }

    /// <summary>Reads the value only when the member is an item holding an sf-binary byte sequence.</summary>
    public bool TryGetByteSequence([NotNullWhen(true)] out byte[]? value)
    {
        value = null;
        return Item is not null && Item.TryGetByteSequence(out value);
    }

    /// <summary>Reads the items only when the member is an inner list.</summary>
    public bool TryGetInnerList([NotNullWhen(true)] out IReadOnlyList<StructuredFieldItem>? items)
    {
        items = InnerList;
        return items is not null;
    }

    /// <summary>Reads a member parameter only when it is present and is an sf-string.</summary>
    public bool TryGetStringParameter(string key, [NotNullWhen(true)] out string? value) =>
        StructuredFieldItem.TryGetParameter(Parameters, key, out value);

    /// <summary>Reads a member parameter only when it is present and has the requested bare-item type.</summary>
    public bool TryGetParameter<T>(string key, [NotNullWhen(true)] out T? value) =>
        StructuredFieldItem.TryGetParameter(Parameters, key, out value);
}
