using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Protocol;

namespace WixUcp.Versions.Shared;

/// <summary>
/// The documents whose wire shape 2026-04-08 and 2026-08-25 share (catalog, order, error responses, messages, totals,
/// payment handlers) and the request reading every codec uses, stamped with the version of the codec that owns it.
/// A version whose shape of one of these documents diverges writes that document from its own folder instead.
/// </summary>
internal sealed partial class SharedWire
{
    // Relaxed escaping: these documents are JSON API bodies, never embedded in HTML, so quotes and '+' stay readable.
    public static readonly JsonSerializerOptions Relaxed = new(SharedWireJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly SharedWireJsonContext Json = new(new JsonSerializerOptions(Relaxed));

    private readonly WireRules _rules;

    /// <param name="version">The version documents are stamped with.</param>
    /// <param name="checkoutSchemas">The owning codec's own request schemas (checkout), kept beside the shared ones.</param>
    /// <param name="rules">Where the version writes these documents differently (2026-01-23: unsigned totals, ...).</param>
    public SharedWire(string version, IReadOnlyDictionary<string, RequestSchema> checkoutSchemas, WireRules? rules = null)
    {
        Version = version;
        _rules = rules ?? WireRules.Signed;
        var schemas = new Dictionary<string, RequestSchema>(checkoutSchemas, StringComparer.Ordinal)
        {
            [RequestSchemaNames.SearchCatalog] = Schema(version, RequestSchemaNames.SearchCatalog, Json.SearchRequestDto, RequestOperation.Any),
            [RequestSchemaNames.LookupCatalog] = Schema(version, RequestSchemaNames.LookupCatalog, Json.LookupRequestDto, RequestOperation.Any),
            [RequestSchemaNames.GetProduct] = Schema(version, RequestSchemaNames.GetProduct, Json.GetProductRequestDto, RequestOperation.Any),
            [RequestSchemaNames.UpdateOrder] = Schema(version, RequestSchemaNames.UpdateOrder, Json.OrderUpdateRequestDto, RequestOperation.Any),
        };
        RequestSchemas = schemas.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string Version { get; }

    public IReadOnlyDictionary<string, RequestSchema> RequestSchemas { get; }

    public static string? RenderPath(MessageTarget? target) => MessagePaths.Render(target);

    public byte[] WriteErrorResponse(IReadOnlyList<UcpMessage> messages, Uri? continueUrl)
    {
        var dto = new ErrorResponseDto
        {
            Ucp = new UcpMetaDto { Version = Version, Status = "error" },
            Messages = messages.Select(Message).ToList(),
            ContinueUrl = continueUrl?.AbsoluteUri,
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.ErrorResponseDto);
    }

    public static RequestSchema Schema(string version, string operation, JsonTypeInfo model, RequestOperation view) =>
        RequestSchema.Export($"{version}/{operation}", model, view);

    // The body is checked against its operation's schema before it is deserialized, so the model only ever reads
    // documents of the declared shape.
    public T Read<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, string operation)
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

    public static List<string> NoNulls(List<string>? values, string path) => NoNullsOrNull(values, path) ?? [];

    public static List<string>? NoNullsOrNull(List<string>? values, string path)
    {
        if (values is not null && values.Any(v => v is null))
        {
            throw new UcpRequestException("The list must hold strings only.", path);
        }

        return values;
    }

    public UcpMetaDto Meta(NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor>? handlers) => new()
    {
        Version = Version,
        Status = _rules.StatusInUcp ? "success" : null,
        Capabilities = negotiation.Capabilities.ToDictionary(
            c => c.Key,
            c => new List<CapabilityDto> { new() { Version = c.Value } },
            StringComparer.Ordinal),
        PaymentHandlers = handlers is null ? null : Handlers(handlers),
    };

    public Dictionary<string, List<PaymentHandlerDto>> Handlers(IReadOnlyList<PaymentHandlerDescriptor> handlers) =>
        handlers.GroupBy(h => h.Name, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Select(h => new PaymentHandlerDto
            {
                Id = h.Id,
                Version = h.Version ?? Version,
                Spec = h.Spec?.AbsoluteUri,
                Schema = h.Schema?.AbsoluteUri,
                Config = h.Config?.DeepClone().AsObject(),
                AvailableInstruments = !_rules.AvailableInstruments || h.InstrumentTypes.Count == 0 ? null : h.InstrumentTypes.Select(t => new AvailableInstrumentDto { Type = t }).ToList(),
            }).ToList(),
            StringComparer.Ordinal);

    // The wire sign of totals is this version's decision. The domain keeps each total as its effect on the grand total,
    // and 2026-04-08 and 2026-08-25 write discounts negative too, so amounts pass through; 2026-01-23 writes magnitudes.
    public List<TotalDto> Totals(IReadOnlyList<Total> totals) =>
        totals.Select(t => new TotalDto { Type = t.Type, Amount = _rules.SignedTotals ? t.Amount : Math.Abs(t.Amount), DisplayText = t.DisplayText }).ToList();

    public MessageDto Message(UcpMessage message) => new()
    {
        Type = message.Type switch
        {
            MessageType.Error => "error",
            MessageType.Warning => "warning",
            _ => "info",
        },
        Code = message.Code,
        Path = MessagePaths.Render(message.Target),
        Content = message.Content,
        Severity = message.Type != MessageType.Error ? null : message.Severity switch
        {
            MessageSeverity.RequiresBuyerInput => "requires_buyer_input",
            MessageSeverity.RequiresBuyerReview => "requires_buyer_review",
            MessageSeverity.Unrecoverable => _rules.UnrecoverableSeverity,
            _ => "recoverable",
        },
    };

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static PostalAddress ToDomain(PostalAddressDto address, string path) => new()
    {
        StreetAddress = InputText.Clean(address.StreetAddress),
        ExtendedAddress = InputText.Clean(address.ExtendedAddress),
        AddressLocality = InputText.Clean(address.AddressLocality),
        AddressRegion = InputText.Clean(address.AddressRegion),
        PostalCode = InputText.Clean(address.PostalCode),
        AddressCountry = InputText.Country(address.AddressCountry, path + ".address_country"),
        FirstName = InputText.Clean(address.FirstName),
        LastName = InputText.Clean(address.LastName),
        PhoneNumber = InputText.Clean(address.PhoneNumber),
    };

    public static PostalAddressDto ToDto(PostalAddress address, string? id) => new()
    {
        Id = id,
        StreetAddress = address.StreetAddress,
        ExtendedAddress = address.ExtendedAddress,
        AddressLocality = address.AddressLocality,
        AddressRegion = address.AddressRegion,
        PostalCode = address.PostalCode,
        AddressCountry = address.AddressCountry,
        FirstName = address.FirstName,
        LastName = address.LastName,
        PhoneNumber = address.PhoneNumber,
    };
}
