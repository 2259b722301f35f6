using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Protocol;

namespace WixUcp.Versions.V20260825;

/// <summary>The UCP 2026-08-25 wire format.</summary>
internal sealed partial class Codec20260825 : IUcpCodec
{
    private const string SpecBase = "https://ucp.dev/2026-08-25/";
    // Relaxed escaping: these documents are JSON API bodies, never embedded in HTML, so quotes and '+' stay readable.
    private static readonly WireJsonContext20260825 Json = new(new JsonSerializerOptions(WireJsonContext20260825.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public Codec20260825()
    {
        RequestSchemas = new Dictionary<string, RequestSchema>(StringComparer.Ordinal)
        {
            [RequestSchemaNames.CreateCheckout] = Schema(RequestSchemaNames.CreateCheckout, Json.CheckoutRequestDto, RequestOperation.Create),
            [RequestSchemaNames.UpdateCheckout] = Schema(RequestSchemaNames.UpdateCheckout, Json.CheckoutRequestDto, RequestOperation.Update),
            [RequestSchemaNames.CompleteCheckout] = Schema(RequestSchemaNames.CompleteCheckout, Json.CheckoutRequestDto, RequestOperation.Complete),
            [RequestSchemaNames.SearchCatalog] = Schema(RequestSchemaNames.SearchCatalog, Json.SearchRequestDto, RequestOperation.Any),
            [RequestSchemaNames.LookupCatalog] = Schema(RequestSchemaNames.LookupCatalog, Json.LookupRequestDto, RequestOperation.Any),
            [RequestSchemaNames.GetProduct] = Schema(RequestSchemaNames.GetProduct, Json.GetProductRequestDto, RequestOperation.Any),
            [RequestSchemaNames.UpdateOrder] = Schema(RequestSchemaNames.UpdateOrder, Json.OrderUpdateRequestDto, RequestOperation.Any),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Version => UcpVersions.V20260825;

    public IReadOnlyDictionary<string, RequestSchema> RequestSchemas { get; }

    public string? RenderPath(MessageTarget? target) => JsonPaths20260825.Render(target);

    public byte[] WriteErrorResponse(IReadOnlyList<UcpMessage> messages, Uri? continueUrl)
    {
        var dto = new ErrorResponseDto
        {
            Ucp = new UcpMetaDto { Version = Version, Status = "error" },
            Messages = messages.Select(ToDto).ToList(),
            ContinueUrl = continueUrl?.AbsoluteUri,
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.ErrorResponseDto);
    }

    private static RequestSchema Schema(string operation, JsonTypeInfo model, RequestOperation view) =>
        RequestSchema.Export($"{UcpVersions.V20260825}/{operation}", model, view);

    // The body is checked against its operation's schema before it is deserialized, so the model only ever reads
    // documents of the declared shape.
    private T Read<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, string operation)
        where T : class
    {
        if (body.IsEmpty)
        {
            throw new UcpRequestException("The request body must be a JSON object.", "$");
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using (var document = JsonDocument.ParseValue(ref reader))
            {
                RequestSchemas[operation].Validate(document.RootElement);
            }

            return JsonSerializer.Deserialize(body, typeInfo)
                ?? throw new UcpRequestException("The request body must be a JSON object, not null.", "$");
        }
        catch (JsonException ex)
        {
            // The message names only the JSON path: framework type names mean nothing to a platform.
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            throw new UcpRequestException($"The request body is not valid JSON for this operation at {path}.", path, innerException: ex);
        }
    }

    private static List<string> NoNulls(List<string>? values, string path) => NoNullsOrNull(values, path) ?? [];

    private static List<string>? NoNullsOrNull(List<string>? values, string path)
    {
        if (values is not null && values.Any(v => v is null))
        {
            throw new UcpRequestException("The list must hold strings only.", path);
        }

        return values;
    }

    private UcpMetaDto Meta(NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor>? handlers) => new()
    {
        Version = Version,
        Status = "success",
        Capabilities = negotiation.Capabilities.ToDictionary(
            c => c.Key,
            c => new List<CapabilityDto> { new() { Version = c.Value } },
            StringComparer.Ordinal),
        PaymentHandlers = handlers is null ? null : Handlers(handlers),
    };

    private static Dictionary<string, List<PaymentHandlerDto>> Handlers(IReadOnlyList<PaymentHandlerDescriptor> handlers) =>
        handlers.GroupBy(h => h.Name, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Select(h => new PaymentHandlerDto
            {
                Id = h.Id,
                Version = h.Version ?? UcpVersions.V20260825,
                Spec = h.Spec?.AbsoluteUri,
                Schema = h.Schema?.AbsoluteUri,
                Config = h.Config?.DeepClone().AsObject(),
                AvailableInstruments = h.InstrumentTypes.Count == 0 ? null : h.InstrumentTypes.Select(t => new AvailableInstrumentDto { Type = t }).ToList(),
            }).ToList(),
            StringComparer.Ordinal);

    // The wire sign of totals is this version's decision. The domain keeps each total as its effect on the grand total,
    // and 2026-08-25 writes discounts negative too, so amounts pass through; 2026-01-23's codec writes magnitudes.
    private static List<TotalDto> Totals(IReadOnlyList<Total> totals) =>
        totals.Select(t => new TotalDto { Type = t.Type, Amount = t.Amount, DisplayText = t.DisplayText }).ToList();

    private static MessageDto ToDto(UcpMessage message) => new()
    {
        Type = message.Type switch
        {
            MessageType.Error => "error",
            MessageType.Warning => "warning",
            _ => "info",
        },
        Code = message.Code,
        Path = JsonPaths20260825.Render(message.Target),
        Content = message.Content,
        Severity = message.Type != MessageType.Error ? null : message.Severity switch
        {
            MessageSeverity.RequiresBuyerInput => "requires_buyer_input",
            MessageSeverity.RequiresBuyerReview => "requires_buyer_review",
            MessageSeverity.Unrecoverable => "unrecoverable",
            _ => "recoverable",
        },
    };

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
