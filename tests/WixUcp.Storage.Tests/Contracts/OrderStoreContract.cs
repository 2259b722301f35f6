using WixUcp.Commerce;
using WixUcp.Orders;

namespace WixUcp.Storage.Tests.Contracts;

/// <summary>What every <see cref="IOrderStore"/> must do; each implementation runs this same suite.</summary>
public abstract class OrderStoreContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract ValueTask<IOrderStore> StoreAsync();

    [Fact]
    public async Task A_created_order_reads_back_as_written()
    {
        var store = await StoreAsync();
        var order = Order("ord_" + Guid.NewGuid().ToString("N"));

        Assert.True(await store.TryCreateAsync(order, Ct));
        var read = await store.GetAsync("t1", order.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal(UcpRecordSerializer.Serialize(order), UcpRecordSerializer.Serialize(read));
        Assert.Null(await store.GetAsync("t1", "ord_missing", Ct));
    }

    [Fact]
    public async Task An_order_is_written_once()
    {
        var store = await StoreAsync();
        var order = Order("ord_" + Guid.NewGuid().ToString("N"));

        Assert.True(await store.TryCreateAsync(order, Ct));
        Assert.False(await store.TryCreateAsync(order with { Currency = "EUR" }, Ct));
        Assert.Equal("USD", (await store.GetAsync("t1", order.Id, Ct))!.Currency);
    }

    [Fact]
    public async Task Tenants_do_not_see_each_others_orders()
    {
        var store = await StoreAsync();
        var order = Order("ord_" + Guid.NewGuid().ToString("N"));
        await store.TryCreateAsync(order, Ct);

        Assert.Null(await store.GetAsync("t2", order.Id, Ct));
        Assert.True(await store.TryCreateAsync(order with { TenantId = "t2" }, Ct));
    }

    internal static Order Order(string id) => new()
    {
        TenantId = "t1",
        Id = id,
        Label = "#1001",
        CheckoutId = "chk_" + id,
        PermalinkUrl = new Uri("https://shop.example/orders/" + id),
        Currency = "USD",
        Lines = [new OrderLine { Id = "li_1", ItemId = "tea", Title = "Tea ✓ \"special\"", UnitPrice = 1200, OriginalQuantity = 2, Quantity = 2 }],
        Expectations =
        [
            new FulfillmentExpectation
            {
                Id = "exp_1",
                Lines = [new OrderLineQuantity("li_1", 2)],
                MethodType = "shipping",
                Destination = new PostalAddress { StreetAddress = "1 Market St", AddressCountry = "US" },
                Description = "Standard",
            },
        ],
        Totals = [new Total("subtotal", 2400), new Total("total", 2400)],
        CreatedAt = new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero),
        PlatformProfile = "https://platform.example/profile",
        Version = 1,
    };
}
