using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using WixUcp.Catalog;
using WixUcp.Checkout;
using WixUcp.Commerce;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Orders;
using WixUcp.Protocol;

namespace WixUcp.Codec.V20260408;

/// <summary>The UCP 2026-04-08 wire format.</summary>
internal sealed class Codec20260408 : IUcpCodec
{
    private const string SpecBase = "https://ucp.dev/2026-04-08/";
    // Relaxed escaping: these documents are JSON API bodies, never embedded in HTML, so quotes and '+' stay readable.
    private static readonly WireJsonContext Json = new(new JsonSerializerOptions(WireJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string Version => UcpVersions.V20260408;

    public CheckoutInput ReadCheckoutCreate(ReadOnlySpan<byte> body) => ToInput(Read(body, Json.CheckoutRequestDto), complete: false);

    public CheckoutInput ReadCheckoutUpdate(ReadOnlySpan<byte> body) => ToInput(Read(body, Json.CheckoutRequestDto), complete: false);

    public CheckoutInput ReadCheckoutComplete(ReadOnlySpan<byte> body)
    {
        var dto = Read(body, Json.CheckoutRequestDto);
        if (dto.Payment?.Instruments is null)
        {
            throw new UcpRequestException("Complete needs payment.instruments.", "$.payment");
        }

        return ToInput(dto, complete: true);
    }

    public CatalogSearchInput ReadCatalogSearch(ReadOnlySpan<byte> body)
    {
        var dto = Read(body, Json.SearchRequestDto);
        return new CatalogSearchInput
        {
            Text = dto.Query,
            Categories = NoNulls(dto.Filters?.Categories, "$.filters.categories"),
            MinPrice = NonNegative(dto.Filters?.Price?.Min, "$.filters.price.min"),
            MaxPrice = NonNegative(dto.Filters?.Price?.Max, "$.filters.price.max"),
            Cursor = dto.Pagination?.Cursor,
            Limit = dto.Pagination?.Limit,
        };
    }

    public IReadOnlyList<string> ReadCatalogLookup(ReadOnlySpan<byte> body)
    {
        var dto = Read(body, Json.LookupRequestDto);
        if (dto.Ids is null)
        {
            throw new UcpRequestException("ids is required.", "$.ids");
        }

        return NoNulls(dto.Ids, "$.ids");
    }

    public ProductInput ReadGetProduct(ReadOnlySpan<byte> body)
    {
        var dto = Read(body, Json.GetProductRequestDto);
        if (string.IsNullOrEmpty(dto.Id))
        {
            throw new UcpRequestException("id is required.", "$.id");
        }

        var selected = (dto.Selected ?? []).Select((s, i) => s.Name is null || s.Label is null
            ? throw new UcpRequestException("A selected option needs name and label.", $"$.selected[{i.ToString(CultureInfo.InvariantCulture)}]")
            : new CatalogOptionValue(s.Name, s.Label)).ToList();
        return new ProductInput(dto.Id, selected, NoNulls(dto.Preferences, "$.preferences"));
    }

    public byte[] WriteCheckout(CheckoutSession session, NegotiationResult negotiation, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> links)
    {
        var consent = negotiation.IsActive(UcpCapabilities.BuyerConsent);
        var dto = new CheckoutDto
        {
            Ucp = Meta(negotiation, handlers),
            Id = session.Id,
            Status = StatusName(session.Status),
            Currency = session.Currency,
            LineItems = session.Lines.Select(l => new LineItemDto
            {
                Id = l.Id,
                Item = new ItemDto { Id = l.ItemId, Title = l.Title, Price = l.UnitPrice, ImageUrl = l.ImageUrl },
                Quantity = l.Quantity,
                Totals = Totals(l.Totals),
                ParentId = l.ParentId,
            }).ToList(),
            Buyer = session.Buyer is null ? null : ToDto(session.Buyer, consent),
            Context = session.Context is null ? null : ToDto(session.Context),
            Fulfillment = negotiation.IsActive(UcpCapabilities.Fulfillment) && session.Fulfillment is { } methods
                ? new FulfillmentDto { Methods = methods.Select(ToDto).ToList() }
                : null,
            Discounts = negotiation.IsActive(UcpCapabilities.Discount)
                ? new DiscountsDto
                {
                    Codes = [.. session.DiscountCodes],
                    Applied = session.AppliedDiscounts.Select(d => new AppliedDiscountDto
                    {
                        Code = d.Code,
                        Title = d.Title,
                        Amount = d.Amount,
                        Automatic = d.Automatic ? true : null,
                        Method = "across",
                        Priority = d.Priority,
                    }).ToList(),
                }
                : null,
            Payment = new PaymentDto { Instruments = session.PaymentInstruments.Select(ToDto).ToList() },
            Totals = Totals(session.Totals),
            Messages = session.Messages.Count == 0 ? null : session.Messages.Select(ToDto).ToList(),
            Links = links.Select(l => new LinkDto { Type = l.Key, Url = l.Value.AbsoluteUri }).ToList(),
            ExpiresAt = Timestamp(session.ExpiresAt),
            ContinueUrl = session.ContinueUrl?.AbsoluteUri,
            Order = session.Order is { } order
                ? new OrderConfirmationDto { Id = order.Id, Label = order.Label, PermalinkUrl = order.PermalinkUrl.AbsoluteUri }
                : null,
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.CheckoutDto);
    }

    public byte[] WriteOrder(Order order, NegotiationResult negotiation)
    {
        var dto = new OrderDto
        {
            Ucp = Meta(negotiation, handlers: null),
            Id = order.Id,
            Label = order.Label,
            CheckoutId = order.CheckoutId,
            PermalinkUrl = order.PermalinkUrl.AbsoluteUri,
            LineItems = order.Lines.Select(l => new OrderLineItemDto
            {
                Id = l.Id,
                Item = new ItemDto { Id = l.ItemId, Title = l.Title, Price = l.UnitPrice, ImageUrl = l.ImageUrl },
                Quantity = new OrderQuantityDto { Original = l.OriginalQuantity, Total = l.Quantity, Fulfilled = l.FulfilledQuantity },
                Totals = Totals(l.Totals),
                Status = l.Status.ToString().ToLowerInvariant(),
                ParentId = l.ParentId,
            }).ToList(),
            Fulfillment = new OrderFulfillmentDto
            {
                Expectations = order.Expectations.Select(e => new ExpectationDto
                {
                    Id = e.Id,
                    LineItems = e.Lines.Select(ToDto).ToList(),
                    MethodType = e.MethodType,
                    Destination = ToDto(e.Destination, id: null),
                    Description = e.Description,
                }).ToList(),
                Events = order.Events.Select(e => new FulfillmentEventDto
                {
                    Id = e.Id,
                    OccurredAt = Timestamp(e.OccurredAt),
                    Type = e.Type,
                    LineItems = e.Lines.Select(ToDto).ToList(),
                    TrackingNumber = e.TrackingNumber,
                    TrackingUrl = e.TrackingUrl?.AbsoluteUri,
                    Carrier = e.Carrier,
                    Description = e.Description,
                }).ToList(),
            },
            Currency = order.Currency,
            Totals = Totals(order.Totals),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.OrderDto);
    }

    public byte[] WriteCatalogSearch(CatalogSearchResult result, NegotiationResult negotiation)
    {
        var dto = new SearchResponseDto
        {
            Ucp = Meta(negotiation, handlers: null),
            Products = result.Products.Select(p => ToDto(p, inputs: null)).ToList(),
            Pagination = new PaginationResponseDto { Cursor = result.NextCursor, HasNextPage = result.NextCursor is not null, TotalCount = result.TotalCount },
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.SearchResponseDto);
    }

    public byte[] WriteCatalogLookup(CatalogLookupResult result, NegotiationResult negotiation)
    {
        var dto = new LookupResponseDto
        {
            Ucp = Meta(negotiation, handlers: null),
            Products = result.Products.Select(p => ToDto(p.Product, p.InputsByVariant)).ToList(),
            Messages = result.NotFoundIds.Count == 0
                ? null
                : result.NotFoundIds.Select(id => ToDto(UcpMessage.Info(MessageCodes.NotFound, $"No product or variant has id {id}."))).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.LookupResponseDto);
    }

    public byte[] WriteProduct(ProductDetail detail, NegotiationResult negotiation)
    {
        var product = ToDto(detail.Product, inputs: null);
        product.Selected = detail.Selected.Select(s => new SelectedOptionDto { Name = s.Name, Label = s.Label }).ToList();
        product.Options = detail.Options.Count == 0
            ? null
            : detail.Options.Select(o => new ProductOptionDto
            {
                Name = o.Name,
                Values = o.Values.Select(v => new OptionValueDto { Label = v.Label, Available = v.Available, Exists = v.Exists }).ToList(),
            }).ToList();
        var dto = new GetProductResponseDto { Ucp = Meta(negotiation, handlers: null), Product = product };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.GetProductResponseDto);
    }

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

    public byte[] WriteProfile(Uri restEndpoint, IReadOnlyList<PaymentHandlerDescriptor> handlers)
    {
        var endpoint = restEndpoint.AbsoluteUri.TrimEnd('/');
        var dto = new ProfileDto
        {
            Ucp = new UcpMetaDto
            {
                Version = Version,
                Services = new Dictionary<string, List<ServiceDto>>(StringComparer.Ordinal)
                {
                    [UcpCapabilities.ShoppingService] =
                    [
                        new ServiceDto
                        {
                            Version = Version,
                            Transport = "rest",
                            Endpoint = endpoint,
                            Spec = SpecBase + "specification/overview",
                            Schema = SpecBase + "services/shopping/rest.openapi.json",
                        },
                    ],
                },
                Capabilities = BusinessCapabilities.All.ToDictionary(
                    c => c.Name,
                    c => new List<CapabilityDto>
                    {
                        new()
                        {
                            Version = c.Version,
                            Spec = SpecBase + c.SpecPath,
                            Schema = SpecBase + c.SchemaPath,
                            Extends = c.Extends.Count == 0 ? null : c.Extends[0],
                        },
                    },
                    StringComparer.Ordinal),
                PaymentHandlers = Handlers(handlers),
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.ProfileDto);
    }

    private static T Read<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (body.IsEmpty)
        {
            throw new UcpRequestException("The request body must be a JSON object.", "$");
        }

        try
        {
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

    private static CheckoutInput ToInput(CheckoutRequestDto dto, bool complete)
    {
        var lines = complete ? null : dto.LineItems?.Select((l, i) =>
        {
            var path = $"$.line_items[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (l is null)
            {
                throw new UcpRequestException("A line item must be an object.", path);
            }

            if (string.IsNullOrEmpty(l.Item?.Id))
            {
                throw new UcpRequestException("item.id is required.", path + ".item.id");
            }

            if (l.Quantity is null)
            {
                throw new UcpRequestException("quantity is required.", path + ".quantity");
            }

            return new LineInput(l.Id, l.Item.Id, l.Quantity.Value, l.ParentId);
        }).ToList();
        if (!complete && lines is null)
        {
            throw new UcpRequestException("line_items is required.", "$.line_items");
        }

        return new CheckoutInput
        {
            Lines = lines,
            Buyer = complete || dto.Buyer is null ? null : ToDomain(dto.Buyer),
            Context = complete || dto.Context is null ? null : ToDomain(dto.Context),
            FulfillmentMethods = complete ? null : dto.Fulfillment?.Methods?.Select(ToDomain).ToList(),
            DiscountCodes = complete ? null : NoNullsOrNull(dto.Discounts?.Codes, "$.discounts.codes"),
            PaymentInstruments = dto.Payment?.Instruments?.Select(ToDomain).ToList(),
        };
    }

    private static FulfillmentMethodInput ToDomain(FulfillmentMethodRequestDto method, int index)
    {
        var path = $"$.fulfillment.methods[{index.ToString(CultureInfo.InvariantCulture)}]";
        if (method is null)
        {
            throw new UcpRequestException("A fulfillment method must be an object.", path);
        }

        return new FulfillmentMethodInput
        {
            Id = method.Id,
            Type = method.Type switch
            {
                null => null,
                "shipping" => FulfillmentType.Shipping,
                "pickup" => FulfillmentType.Pickup,
                _ => throw new UcpRequestException("type must be shipping or pickup.", path + ".type"),
            },
            LineItemIds = NoNullsOrNull(method.LineItemIds, path + ".line_item_ids"),
            Destinations = method.Destinations?.Select((d, i) => d is null
                ? throw new UcpRequestException("A destination must be an object.", $"{path}.destinations[{i.ToString(CultureInfo.InvariantCulture)}]")
                : new DestinationInput(d.Id, ToDomain(d))).ToList(),
            SelectedDestinationId = method.SelectedDestinationId,
            Groups = method.Groups?.Where(g => g is not null).Select(g => new GroupInput(g.Id, g.SelectedOptionId)).ToList(),
        };
    }

    private static InstrumentInput ToDomain(InstrumentRequestDto instrument, int index)
    {
        var path = $"$.payment.instruments[{index.ToString(CultureInfo.InvariantCulture)}]";
        if (instrument is null)
        {
            throw new UcpRequestException("An instrument must be an object.", path);
        }

        foreach (var (value, name) in new[] { (instrument.Id, "id"), (instrument.HandlerId, "handler_id"), (instrument.Type, "type") })
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new UcpRequestException($"{name} is required.", $"{path}.{name}");
            }
        }

        var credential = instrument.Credential is null
            ? null
            : new PaymentCredential(instrument.Credential.Type ?? throw new UcpRequestException("credential.type is required.", path + ".credential.type"), instrument.Credential.Token);
        return new InstrumentInput(
            new PaymentInstrument
            {
                Id = instrument.Id!,
                HandlerId = instrument.HandlerId!,
                Type = instrument.Type!,
                Selected = instrument.Selected,
                BillingAddress = instrument.BillingAddress is null ? null : ToDomain(instrument.BillingAddress),
                Display = instrument.Display,
            },
            credential);
    }

    private static Buyer ToDomain(BuyerDto buyer) => new()
    {
        FirstName = buyer.FirstName,
        LastName = buyer.LastName,
        Email = buyer.Email,
        PhoneNumber = buyer.PhoneNumber,
        Consent = buyer.Consent is null
            ? null
            : new BuyerConsent { Analytics = buyer.Consent.Analytics, Preferences = buyer.Consent.Preferences, Marketing = buyer.Consent.Marketing, SaleOfData = buyer.Consent.SaleOfData },
    };

    private static PurchaseContext ToDomain(ContextDto context) => new()
    {
        AddressCountry = context.AddressCountry,
        AddressRegion = context.AddressRegion,
        PostalCode = context.PostalCode,
        Intent = context.Intent,
        Language = context.Language,
        Currency = context.Currency,
    };

    private static PostalAddress ToDomain(PostalAddressDto address) => new()
    {
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

    private static List<string> NoNulls(List<string>? values, string path) => NoNullsOrNull(values, path) ?? [];

    private static List<string>? NoNullsOrNull(List<string>? values, string path)
    {
        if (values is not null && values.Any(v => v is null))
        {
            throw new UcpRequestException("The list must hold strings only.", path);
        }

        return values;
    }

    private static long? NonNegative(long? value, string path) =>
        value < 0 ? throw new UcpRequestException("Amounts are non-negative minor units.", path) : value;

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
                Version = h.Version,
                Spec = h.Spec?.AbsoluteUri,
                Schema = h.Schema?.AbsoluteUri,
                Config = h.Config?.DeepClone().AsObject(),
                AvailableInstruments = h.InstrumentTypes.Count == 0 ? null : h.InstrumentTypes.Select(t => new AvailableInstrumentDto { Type = t }).ToList(),
            }).ToList(),
            StringComparer.Ordinal);

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
        Path = message.Path,
        Content = message.Content,
        Severity = message.Type != MessageType.Error ? null : message.Severity switch
        {
            MessageSeverity.RequiresBuyerInput => "requires_buyer_input",
            MessageSeverity.RequiresBuyerReview => "requires_buyer_review",
            MessageSeverity.Unrecoverable => "unrecoverable",
            _ => "recoverable",
        },
    };

    private static BuyerDto ToDto(Buyer buyer, bool withConsent) => new()
    {
        FirstName = buyer.FirstName,
        LastName = buyer.LastName,
        Email = buyer.Email,
        PhoneNumber = buyer.PhoneNumber,
        Consent = withConsent && buyer.Consent is { } c
            ? new ConsentDto { Analytics = c.Analytics, Preferences = c.Preferences, Marketing = c.Marketing, SaleOfData = c.SaleOfData }
            : null,
    };

    private static ContextDto ToDto(PurchaseContext context) => new()
    {
        AddressCountry = context.AddressCountry,
        AddressRegion = context.AddressRegion,
        PostalCode = context.PostalCode,
        Intent = context.Intent,
        Language = context.Language,
        Currency = context.Currency,
    };

    private static PostalAddressDto ToDto(PostalAddress address, string? id) => new()
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

    private static FulfillmentMethodDto ToDto(FulfillmentMethod method) => new()
    {
        Id = method.Id,
        Type = method.Type == FulfillmentType.Pickup ? "pickup" : "shipping",
        LineItemIds = [.. method.LineItemIds],
        Destinations = method.Destinations.Select(d => ToDto(d.Address, d.Id)).ToList(),
        SelectedDestinationId = method.SelectedDestinationId,
        Groups = method.Groups.Select(g => new FulfillmentGroupDto
        {
            Id = g.Id,
            LineItemIds = [.. g.LineItemIds],
            Options = g.Options.Select(o => new FulfillmentOptionDto
            {
                Id = o.Id,
                Title = o.Title,
                Description = o.Description,
                Carrier = o.Carrier,
                Totals = [new TotalDto { Type = TotalTypes.Total, Amount = o.Amount }],
            }).ToList(),
            SelectedOptionId = g.SelectedOptionId,
        }).ToList(),
    };

    private static InstrumentDto ToDto(PaymentInstrument instrument) => new()
    {
        Id = instrument.Id,
        HandlerId = instrument.HandlerId,
        Type = instrument.Type,
        Selected = instrument.Selected,
        BillingAddress = instrument.BillingAddress is null ? null : ToDto(instrument.BillingAddress, id: null),
        Display = instrument.Display?.DeepClone().AsObject(),
    };

    private static LineQuantityDto ToDto(OrderLineQuantity line) => new() { Id = line.LineId, Quantity = line.Quantity };

    private static ProductDto ToDto(CatalogProduct product, IReadOnlyDictionary<string, IReadOnlyList<LookupMatch>>? inputs)
    {
        var currency = product.Variants[0].Currency;
        return new ProductDto
        {
            Id = product.Id,
            Handle = product.Handle,
            Title = product.Title,
            Description = new DescriptionDto { Plain = product.Description },
            Url = product.Url?.AbsoluteUri,
            Categories = product.Categories.Count == 0 ? null : product.Categories.Select(c => new CategoryDto { Value = c }).ToList(),
            PriceRange = new PriceRangeDto
            {
                Min = new PriceDto { Amount = product.Variants.Min(v => v.Price), Currency = currency },
                Max = new PriceDto { Amount = product.Variants.Max(v => v.Price), Currency = currency },
            },
            Media = product.Media.Count == 0 ? null : product.Media.Select(ToDto).ToList(),
            Variants = product.Variants.Select(v => new VariantDto
            {
                Id = v.Id,
                Sku = v.Sku,
                Title = v.Title,
                Description = new DescriptionDto { Plain = v.Description ?? v.Title },
                Price = new PriceDto { Amount = v.Price, Currency = v.Currency },
                ListPrice = v.ListPrice is { } list ? new PriceDto { Amount = list, Currency = v.Currency } : null,
                Availability = new AvailabilityDto { Available = v.Available, Status = v.AvailabilityStatus },
                Options = v.Options.Count == 0 ? null : v.Options.Select(o => new SelectedOptionDto { Name = o.Name, Label = o.Label }).ToList(),
                Media = v.Media.Count == 0 ? null : v.Media.Select(ToDto).ToList(),
                Inputs = inputs is not null && inputs.TryGetValue(v.Id, out var matches)
                    ? matches.Select(m => new InputCorrelationDto { Id = m.InputId, Match = m.Match }).ToList()
                    : null,
            }).ToList(),
            Tags = product.Tags.Count == 0 ? null : [.. product.Tags],
        };
    }

    private static MediaDto ToDto(CatalogMedia media) => new() { Type = media.Type, Url = media.Url.AbsoluteUri, AltText = media.AltText };

    private static string StatusName(CheckoutStatus status) => status switch
    {
        CheckoutStatus.Incomplete => "incomplete",
        CheckoutStatus.RequiresEscalation => "requires_escalation",
        CheckoutStatus.ReadyForComplete => "ready_for_complete",
        CheckoutStatus.CompleteInProgress => "complete_in_progress",
        CheckoutStatus.Completed => "completed",
        _ => "canceled",
    };

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
