using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using WixUcp.Diagnostics;

namespace WixUcp.SampleHost;

/// <summary>
/// One JSON object per line: <c>timestamp</c>, <c>level</c>, <c>category</c>, <c>message</c>, then <c>requestId</c>,
/// <c>instanceId</c> and <c>platformId</c> of the request being served, then every other scope and state value as a
/// top-level field. The framework's JSON formatter nests scopes in an array under capitalised names, which log pipelines
/// cannot index without parsing; this plugs into the same console logger instead.
/// </summary>
internal sealed class UcpJsonConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "ucp-json";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "timestamp", "level", "category", "message", "eventId", "exception" };
            writer.WriteStartObject();
            writer.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("level", Level(logEntry.LogLevel));
            writer.WriteString("category", logEntry.Category);
            writer.WriteString("message", message);
            if (logEntry.EventId.Id != 0 || logEntry.EventId.Name is not null)
            {
                writer.WriteString("eventId", logEntry.EventId.Name ?? logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture));
            }

            // The request's own fields come first and win over look-alikes of framework scopes (its "RequestId").
            scopeProvider?.ForEachScope((scope, state) =>
            {
                if (scope is UcpRequestContext context)
                {
                    Fields(state.Writer, state.Written, context);
                }
            }, (Writer: writer, Written: written));
            scopeProvider?.ForEachScope((scope, state) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs and not UcpRequestContext)
                {
                    Fields(state.Writer, state.Written, pairs);
                }
            }, (Writer: writer, Written: written));
            if (logEntry.State is IEnumerable<KeyValuePair<string, object?>> statePairs)
            {
                Fields(writer, written, statePairs);
            }

            if (logEntry.Exception is { } exception)
            {
                writer.WriteString("exception", exception.ToString());
            }

            writer.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write(Environment.NewLine);
    }

    private static void Fields(Utf8JsonWriter writer, HashSet<string> written, IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        foreach (var (key, value) in pairs)
        {
            // {OriginalFormat} is the message template, already rendered; nulls say nothing.
            if (value is null || key == "{OriginalFormat}" || !written.Add(key))
            {
                continue;
            }

            switch (value)
            {
                case bool flag:
                    writer.WriteBoolean(key, flag);
                    break;
                case int or long or short or byte or uint or ulong or double or float or decimal:
                    writer.WritePropertyName(key);
                    writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                default:
                    writer.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    /// <summary>Reads <c>LOG_LEVEL</c>: ERROR, WARN, INFO, DEBUG, TRACE, FATAL, or a .NET level name.</summary>
    public static LogLevel? ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "ERROR" => LogLevel.Error,
        "WARN" or "WARNING" => LogLevel.Warning,
        "INFO" or "INFORMATION" => LogLevel.Information,
        "DEBUG" => LogLevel.Debug,
        "TRACE" => LogLevel.Trace,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        "NONE" => LogLevel.None,
        _ => null,
    };
}
