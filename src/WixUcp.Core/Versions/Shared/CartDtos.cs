using System.ComponentModel.DataAnnotations;

namespace WixUcp.Versions.Shared;

#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple
#pragma warning disable IL2026 // data annotations are read for their bounds only, when schemas are exported

/// <summary>
/// A cart as 2026-04-08 and 2026-08-25 answer it (no payment, fulfillment or status; totals are estimates); the buyer
/// is each version's own shape.
/// </summary>
/// <typeparam name="TBuyer">The version's buyer.</typeparam>
internal sealed class CartDto<TBuyer>
    where TBuyer : class
{
    public UcpMetaDto Ucp { get; set; } = new();
    public string Id { get; set; } = "";
    public List<LineItemDto> LineItems { get; set; } = [];
    public TBuyer? Buyer { get; set; }
    public ContextDto? Context { get; set; }
    public string Currency { get; set; } = "";
    public DiscountsDto? Discounts { get; set; }
    public List<TotalDto> Totals { get; set; } = [];
    public List<MessageDto>? Messages { get; set; }
    public List<LinkDto>? Links { get; set; }
    public string? ExpiresAt { get; set; }
}

/// <summary>
/// A cart create or update. The path names the cart: the body <c>id</c> 2026-04-08 sends on update is read past, and
/// 2026-08-25 sends none.
/// </summary>
/// <typeparam name="TBuyer">The version's buyer as platforms send it.</typeparam>
internal sealed class CartRequestDto<TBuyer>
    where TBuyer : class
{
    [RequestPresence(RequestPresence.Required)]
    [MinLength(1)]
    public List<LineItemRequestDto>? LineItems { get; set; }

    public TBuyer? Buyer { get; set; }

    public ContextDto? Context { get; set; }

    public DiscountsRequestDto? Discounts { get; set; }

    [RequestMemberNames(SignalsDto.ReverseDomainName)]
    public SignalsDto? Signals { get; set; }

    public Dictionary<string, string>? Attribution { get; set; }
}
