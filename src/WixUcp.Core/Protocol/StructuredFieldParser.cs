using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace WixUcp.Protocol;

/// <summary>
/// Parser for RFC 8941 (Structured Field Values for HTTP) dictionaries, following the parsing
/// algorithms of RFC 8941 §4.2. Used for the <c>UCP-Agent</c> request header.
/// </summary>
/// <remarks>
/// Malformed input never throws: every failure is reported as <see langword="false"/> plus a short
/// reason that includes the offending position (an index into the input string).
/// </remarks>
internal static class StructuredFieldParser
{
    // RFC 8941 §3.3.1/§3.3.2: integers have at most 15 digits; decimals at most 12 integer digits
    // and 3 fractional digits (16 characters including the '.').
    private const int MaxIntegerDigits = 15;
    private const int MaxDecimalIntegerDigits = 12;
    private const int MaxDecimalLength = 16;
    private const int MaxDecimalFractionDigits = 3;

    /// <summary>
    /// Parses <paramref name="input"/> as an RFC 8941 Dictionary (§4.2, §4.2.2).
    /// Duplicate keys (and duplicate parameter keys) keep the last value, as the RFC requires.
    /// An empty or all-space input is an empty dictionary.
    /// </summary>
    /// <param name="input">The raw field value, for example a <c>UCP-Agent</c> header.</param>
    /// <param name="dictionary">The members by key, when parsing succeeds.</param>
    /// <param name="error">A short reason with the failing position, when parsing fails.</param>
    /// <returns>Whether <paramref name="input"/> is a valid dictionary.</returns>
    public static bool TryParseDictionary(
        string input,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, StructuredFieldMember>? dictionary,
        [NotNullWhen(false)] out string? error)
    {
        dictionary = null;
        if (input is null)
        {
            error = "input is null";
            return false;
        }

        // §4.2 step 1: the field must be ASCII. Checking up front gives one clear reason instead of
        // whichever sub-parser happens to trip over the character first.
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] > 0x7F)
            {
                error = Fail("non-ASCII character", i);
                return false;
            }
        }

        // §4.2 step 2: leading SP is discarded. Trailing SP (step 4) needs no separate pass: the
        // dictionary loop already skips OWS after each member, and anything else left over
        // (§4.2 step 5, trailing garbage) fails as a missing ','.
        var pos = 0;
        SkipSp(input, ref pos);
        var result = new Dictionary<string, StructuredFieldMember>(StringComparer.Ordinal);
        while (pos < input.Length)
        {
            if (!TryParseKey(input, ref pos, out var key, out error))
            {
                return false;
            }

            StructuredFieldMember member;
            if (pos < input.Length && input[pos] == '=')
            {
                pos++;
                if (!TryParseItemOrInnerList(input, ref pos, out member, out error))
                {
                    return false;
                }
            }
            else
            {
                // A key without '=' is the boolean true, which may still carry parameters.
                if (!TryParseParameters(input, ref pos, out var parameters, out error))
                {
                    return false;
                }

                member = StructuredFieldMember.FromItem(new StructuredFieldItem(true, parameters));
            }

            result[key] = member;

            SkipOws(input, ref pos);
            if (pos >= input.Length)
            {
                break;
            }

            if (input[pos] != ',')
            {
                error = Fail("expected ',' after dictionary member", pos);
                return false;
            }

            pos++;
            SkipOws(input, ref pos);
            if (pos >= input.Length)
            {
                error = Fail("trailing ',' in dictionary", pos);
                return false;
            }
        }

        dictionary = result;
        error = null;
        return true;
    }

    // §4.2.1.1
    private static bool TryParseItemOrInnerList(
        string s, ref int pos, out StructuredFieldMember member, [NotNullWhen(false)] out string? error)
    {
        member = null!;
        if (pos < s.Length && s[pos] == '(')
        {
            if (!TryParseInnerList(s, ref pos, out var items, out var listParameters, out error))
            {
                return false;
            }

            member = StructuredFieldMember.FromInnerList(items, listParameters);
            return true;
        }

        if (!TryParseItem(s, ref pos, out var item, out error))
        {
            return false;
        }

        member = StructuredFieldMember.FromItem(item);
        return true;
    }

    // §4.2.1.2
    private static bool TryParseInnerList(
        string s,
        ref int pos,
        out IReadOnlyList<StructuredFieldItem> items,
        out IReadOnlyDictionary<string, object> parameters,
        [NotNullWhen(false)] out string? error)
    {
        items = [];
        parameters = ReadOnlyDictionary<string, object>.Empty;
        var start = pos;
        pos++; // '(' was checked by the caller.
        var list = new List<StructuredFieldItem>();
        while (pos < s.Length)
        {
            SkipSp(s, ref pos);
            if (pos >= s.Length)
            {
                break;
            }

            if (s[pos] == ')')
            {
                pos++;
                if (!TryParseParameters(s, ref pos, out parameters, out error))
                {
                    return false;
                }

                items = list.AsReadOnly();
                return true;
            }

            if (!TryParseItem(s, ref pos, out var item, out error))
            {
                return false;
            }

            list.Add(item);

            // Items inside an inner list are separated by SP only, never by ','.
            if (pos < s.Length && s[pos] != ' ' && s[pos] != ')')
            {
                error = Fail("expected ' ' or ')' in inner list", pos);
                return false;
            }
        }

        error = Fail("unterminated inner list", start);
        return false;
    }

    // §4.2.3
    private static bool TryParseItem(
        string s, ref int pos, out StructuredFieldItem item, [NotNullWhen(false)] out string? error)
    {
        item = null!;
        if (!TryParseBareItem(s, ref pos, out var value, out error)
            || !TryParseParameters(s, ref pos, out var parameters, out error))
        {
            return false;
        }

        item = new StructuredFieldItem(value, parameters);
        return true;
    }

    // §4.2.3.1
    private static bool TryParseBareItem(string s, ref int pos, out object value, [NotNullWhen(false)] out string? error)
    {
        value = null!;
        if (pos >= s.Length)
        {
            error = Fail("expected a value", pos);
            return false;
        }

        var c = s[pos];
        bool ok;
        if (c == '-' || IsDigit(c))
        {
            ok = TryParseNumber(s, ref pos, out value, out error);
        }
        else if (c == '"')
        {
            ok = TryParseString(s, ref pos, out var str, out error);
            value = str;
        }
        else if (IsAlpha(c) || c == '*')
        {
            value = ParseToken(s, ref pos);
            error = null;
            ok = true;
        }
        else if (c == ':')
        {
            ok = TryParseByteSequence(s, ref pos, out var bytes, out error);
            value = bytes;
        }
        else if (c == '?')
        {
            ok = TryParseBoolean(s, ref pos, out var flag, out error);
            value = flag;
        }
        else
        {
            error = Fail("unexpected character at start of value", pos);
            ok = false;
        }

        return ok;
    }

    // §4.2.3.2
    private static bool TryParseParameters(
        string s,
        ref int pos,
        out IReadOnlyDictionary<string, object> parameters,
        [NotNullWhen(false)] out string? error)
    {
        parameters = ReadOnlyDictionary<string, object>.Empty;
        Dictionary<string, object>? map = null;
        while (pos < s.Length && s[pos] == ';')
        {
            pos++;
            SkipSp(s, ref pos);
            if (!TryParseKey(s, ref pos, out var key, out error))
            {
                return false;
            }

            object value = true;
            if (pos < s.Length && s[pos] == '=')
            {
                pos++;
                if (!TryParseBareItem(s, ref pos, out value, out error))
                {
                    return false;
                }
            }

            map ??= new Dictionary<string, object>(StringComparer.Ordinal);
            map[key] = value;
        }

        if (map is not null)
        {
            parameters = map;
        }

        error = null;
        return true;
    }

    // §4.2.3.3
    private static bool TryParseKey(string s, ref int pos, out string key, [NotNullWhen(false)] out string? error)
    {
        key = string.Empty;
        if (pos >= s.Length || !(IsLcAlpha(s[pos]) || s[pos] == '*'))
        {
            error = Fail("key must start with a lowercase letter or '*'", pos);
            return false;
        }

        var start = pos;
        pos++;
        while (pos < s.Length && IsKeyChar(s[pos]))
        {
            pos++;
        }

        key = s[start..pos];
        error = null;
        return true;
    }

    // §4.2.4
    private static bool TryParseNumber(string s, ref int pos, out object value, [NotNullWhen(false)] out string? error)
    {
        value = null!;
        var start = pos;
        var negative = false;
        if (s[pos] == '-')
        {
            negative = true;
            pos++;
        }

        if (pos >= s.Length || !IsDigit(s[pos]))
        {
            error = Fail("expected a digit", pos);
            return false;
        }

        // Accumulate every digit into one mantissa; at most 15 digits, so long never overflows.
        long mantissa = 0;
        var length = 0; // RFC's input_number length: digits plus the '.' once seen.
        var dotIndex = -1;
        while (pos < s.Length)
        {
            var c = s[pos];
            if (IsDigit(c))
            {
                mantissa = (mantissa * 10) + (c - '0');
                length++;
            }
            else if (c == '.' && dotIndex < 0)
            {
                if (length > MaxDecimalIntegerDigits)
                {
                    error = Fail("decimal has too many integer digits", start);
                    return false;
                }

                dotIndex = length;
                length++;
            }
            else
            {
                break;
            }

            pos++;
            if (dotIndex < 0 && length > MaxIntegerDigits)
            {
                error = Fail("integer has too many digits", start);
                return false;
            }

            if (dotIndex >= 0 && length > MaxDecimalLength)
            {
                error = Fail("decimal has too many digits", start);
                return false;
            }
        }

        if (dotIndex < 0)
        {
            value = negative ? -mantissa : mantissa;
            error = null;
            return true;
        }

        var fractionDigits = length - dotIndex - 1;
        if (fractionDigits == 0)
        {
            error = Fail("decimal must not end with '.'", start);
            return false;
        }

        if (fractionDigits > MaxDecimalFractionDigits)
        {
            error = Fail("decimal has more than 3 fractional digits", start);
            return false;
        }

        // mantissa < 10^15 < 2^50, so it fits in the low and middle 32-bit words.
        value = new decimal(
            unchecked((int)(mantissa & 0xFFFFFFFF)),
            (int)(mantissa >> 32),
            0,
            negative && mantissa != 0,
            (byte)fractionDigits);
        error = null;
        return true;
    }

    // §4.2.5
    private static bool TryParseString(string s, ref int pos, out string value, [NotNullWhen(false)] out string? error)
    {
        value = string.Empty;
        var start = pos;
        pos++; // Opening DQUOTE was checked by the caller.
        var builder = new System.Text.StringBuilder();
        while (pos < s.Length)
        {
            var c = s[pos++];
            if (c == '\\')
            {
                if (pos >= s.Length)
                {
                    error = Fail("unterminated string", start);
                    return false;
                }

                var next = s[pos++];
                if (next != '"' && next != '\\')
                {
                    error = Fail("invalid escape in string", pos - 2);
                    return false;
                }

                builder.Append(next);
            }
            else if (c == '"')
            {
                value = builder.ToString();
                error = null;
                return true;
            }
            else if (c < 0x20 || c > 0x7E)
            {
                error = Fail("invalid character in string", pos - 1);
                return false;
            }
            else
            {
                builder.Append(c);
            }
        }

        error = Fail("unterminated string", start);
        return false;
    }

    // §4.2.6; the caller has checked the first character, so a token can't fail.
    private static StructuredFieldToken ParseToken(string s, ref int pos)
    {
        var start = pos;
        pos++;
        while (pos < s.Length && (IsTChar(s[pos]) || s[pos] == ':' || s[pos] == '/'))
        {
            pos++;
        }

        return new StructuredFieldToken(s[start..pos]);
    }

    // §4.2.7
    private static bool TryParseByteSequence(
        string s, ref int pos, out byte[] value, [NotNullWhen(false)] out string? error)
    {
        value = [];
        var start = pos;
        var close = s.IndexOf(':', pos + 1);
        if (close < 0)
        {
            error = Fail("unterminated byte sequence", start);
            return false;
        }

        var content = s.AsSpan(pos + 1, close - pos - 1);
        foreach (var c in content)
        {
            if (!(IsAlpha(c) || IsDigit(c) || c == '+' || c == '/' || c == '='))
            {
                error = Fail("invalid character in byte sequence", start);
                return false;
            }
        }

        // The RFC asks parsers to tolerate missing '=' padding, so synthesize it before decoding.
        var padded = content.ToString();
        if (padded.Length % 4 != 0)
        {
            padded = padded.PadRight(padded.Length + (4 - (padded.Length % 4)), '=');
        }

        var buffer = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            error = Fail("invalid base64 in byte sequence", start);
            return false;
        }

        value = buffer.AsSpan(0, written).ToArray();
        pos = close + 1;
        error = null;
        return true;
    }

    // §4.2.8
    private static bool TryParseBoolean(string s, ref int pos, out bool value, [NotNullWhen(false)] out string? error)
    {
        value = false;
        var start = pos;
        pos++; // '?' was checked by the caller.
        if (pos < s.Length && (s[pos] == '0' || s[pos] == '1'))
        {
            value = s[pos] == '1';
            pos++;
            error = null;
            return true;
        }

        error = Fail("boolean must be ?0 or ?1", start);
        return false;
    }

    private static void SkipSp(string s, ref int pos)
    {
        while (pos < s.Length && s[pos] == ' ')
        {
            pos++;
        }
    }

    // OWS (SP / HTAB) is only allowed around the commas between members.
    private static void SkipOws(string s, ref int pos)
    {
        while (pos < s.Length && (s[pos] == ' ' || s[pos] == '\t'))
        {
            pos++;
        }
    }

    private static string Fail(string reason, int position) =>
        string.Create(CultureInfo.InvariantCulture, $"{reason} at position {position}");

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsLcAlpha(char c) => c is >= 'a' and <= 'z';

    private static bool IsAlpha(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsKeyChar(char c) => IsLcAlpha(c) || IsDigit(c) || c is '_' or '-' or '.' or '*';

    // RFC 9110 tchar.
    private static bool IsTChar(char c) =>
        IsAlpha(c) || IsDigit(c)
        || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
