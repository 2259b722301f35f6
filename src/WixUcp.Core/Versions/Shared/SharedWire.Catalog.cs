using System.Globalization;
using System.Text.Json;
using WixUcp.Catalog;
using WixUcp.Messages;
using WixUcp.Negotiation;
using WixUcp.Protocol;

namespace WixUcp.Versions.Shared;

internal sealed partial class SharedWire
{
    public CatalogSearchInput ReadCatalogSearch(ReadOnlySpan<byte> body)
    {
        var dto = Read(body, Json.SearchRequestDto, RequestSchemaNames.SearchCatalog);
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
        var dto = Read(body, Json.LookupRequestDto, RequestSchemaNames.LookupCatalog);
        if (dto.Ids is null)
        {
            throw new UcpRequestException("ids is required.", "$.ids");
        }

        return NoNulls(dto.Ids, "$.ids");
    }

    public ProductInput ReadGetProduct(ReadOnlySpan<byte> body)
    {
        var dto = Read(body, Json.GetProductRequestDto, RequestSchemaNames.GetProduct);
        if (string.IsNullOrEmpty(dto.Id))
        {
            throw new UcpRequestException("id is required.", "$.id");
        }

        var selected = (dto.Selected ?? []).Select((s, i) => s?.Name is null || s.Label is null
            ? throw new UcpRequestException("A selected option needs name and label.", $"$.selected[{i.ToString(CultureInfo.InvariantCulture)}]")
            : new CatalogOptionValue(s.Name, s.Label)).ToList();
        return new ProductInput(dto.Id, selected, NoNulls(dto.Preferences, "$.preferences"));
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
                : result.NotFoundIds.Select(id => Message(UcpMessage.Info(MessageCodes.NotFound, $"No product or variant has id {id}."))).ToList(),
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

    private static long? NonNegative(long? value, string path) =>
        value < 0 ? throw new UcpRequestException("Amounts are non-negative minor units.", path) : value;
}
