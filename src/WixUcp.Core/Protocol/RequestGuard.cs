using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace WixUcp.Protocol;

/// <summary>
/// Checks a request document before any codec reads it: well-formed UTF-8 JSON, no duplicate members (their meaning is
/// ambiguous), no control characters in strings, and within <see cref="RequestLimitOptions"/>. One forward pass over the
/// bytes, no allocation beyond the current path; the first problem is reported with its JSONPath.
/// </summary>
internal static class RequestGuard
{
    public static void Check(ReadOnlySpan<byte> json, RequestLimitOptions limits)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Value(frames, limits);
                        if (frames.Count >= limits.MaxDepth)
                        {
                            throw TooLarge($"Requests nest at most {limits.MaxDepth} levels deep.", frames);
                        }

                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        var name = reader.GetString()!;
                        frame.Name = name;
                        if (++frame.Count > limits.MaxObjectMembers)
                        {
                            throw TooLarge($"An object holds at most {limits.MaxObjectMembers} members.", frames);
                        }

                        if (!(frame.Names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                        {
                            throw new UcpRequestException("The member appears twice; send it once.", PathOf(frames));
                        }

                        break;
                    case JsonTokenType.String:
                        Value(frames, limits);
                        CheckString(reader, frames, limits);
                        break;
                    default:
                        Value(frames, limits);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: an escaped string that is not valid UTF-16 (a lone surrogate).
            throw new UcpRequestException("The request body is not well-formed JSON (UTF-8) within the limits.", PathOf(frames), innerException: ex);
        }
    }

    // A value inside an array advances its index, bounded by the array limit.
    private static void Value(List<Frame> frames, RequestLimitOptions limits)
    {
        if (frames.Count > 0 && frames[^1] is { IsArray: true } array && ++array.Count > limits.MaxArrayLength)
        {
            throw TooLarge($"A list holds at most {limits.MaxArrayLength} items.", frames);
        }
    }

    private static void CheckString(Utf8JsonReader reader, List<Frame> frames, RequestLimitOptions limits)
    {
        // The escaped length bounds the unescaped one from above, so most strings need no decoding here.
        if (reader.ValueSpan.Length > limits.MaxStringLength || reader.ValueIsEscaped)
        {
            var value = reader.GetString()!;
            if (value.Length > limits.MaxStringLength)
            {
                throw TooLarge($"Strings are at most {limits.MaxStringLength} characters.", frames);
            }

            if (value.Any(char.IsControl))
            {
                throw new UcpRequestException("Strings may not contain control characters.", PathOf(frames));
            }
        }
        else if (!Utf8.IsValid(reader.ValueSpan))
        {
            throw new UcpRequestException("The request body is not valid UTF-8.", PathOf(frames));
        }
        else if (reader.ValueSpan.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || ContainsC1OrDelete(reader.ValueSpan))
        {
            throw new UcpRequestException("Strings may not contain control characters.", PathOf(frames));
        }
    }

    // U+007F and the C1 range U+0080..U+009F (UTF-8: 0x7F, and 0xC2 0x80..0x9F).
    private static bool ContainsC1OrDelete(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Contains((byte)0x7F))
        {
            return true;
        }

        for (var i = utf8.IndexOf((byte)0xC2); i >= 0 && i + 1 < utf8.Length; i = utf8[(i + 1)..].IndexOf((byte)0xC2) is var next and >= 0 ? i + 1 + next : -1)
        {
            if (utf8[i + 1] is >= 0x80 and <= 0x9F)
            {
                return true;
            }
        }

        return false;
    }

    private static UcpRequestException TooLarge(string message, List<Frame> frames) => new(message, PathOf(frames), "request_too_large");

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                if (frame.Count > 0)
                {
                    path.Append('[').Append((frame.Count - 1).ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (frame.Name is not null)
            {
                path.Append('.').Append(frame.Name);
            }
        }

        return path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Count { get; set; }

        public string? Name { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}
