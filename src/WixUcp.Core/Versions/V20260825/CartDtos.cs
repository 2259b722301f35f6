using System.ComponentModel.DataAnnotations;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260825;

#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple
#pragma warning disable IL2026 // data annotations are read for their bounds only, when schemas are exported

/// <summary>A cart as 2026-08-25 answers it: no payment, fulfillment or status; totals are estimates.</summary>
internal sealed class CartDto
{
    public UcpMetaDto Ucp { get; set; } = new();
    public string Id { get; set; } = "";
    public List<LineItemDto> LineItems { get; set; } = [];
    public BuyerDto? Buyer { get; set; }
    public ContextDto? Context { get; set; }
    public string Currency { get; set; } = "";
    public DiscountsDto? Discounts { get; set; }
    public List<TotalDto> Totals { get; set; } = [];
    public List<MessageDto>? Messages { get; set; }
    public List<LinkDto>? Links { get; set; }
    public string? ExpiresAt { get; set; }
}

/// <summary>A cart create or update (no id: the path names the cart).</summary>
internal sealed class CartRequestDto
{
    [RequestPresence(RequestPresence.Required)]
    [MinLength(1)]
    public List<LineItemRequestDto>? LineItems { get; set; }

    public BuyerRequestDto? Buyer { get; set; }

    public ContextDto? Context { get; set; }

    public DiscountsRequestDto? Discounts { get; set; }

    [RequestMemberNames(SignalsDto.ReverseDomainName)]
    public SignalsDto? Signals { get; set; }

    public Dictionary<string, string>? Attribution { get; set; }
}
