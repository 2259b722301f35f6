using WixUcp.Checkout;

namespace WixUcp.Storage.Tests.Contracts;

/// <summary>What every <see cref="ICheckoutSessionStore"/> must do; each implementation runs this same suite.</summary>
public abstract class CheckoutSessionStoreContract
{
    protected static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract ICheckoutSessionStore Store { get; }

    [Fact]
    public async Task A_created_session_reads_back_as_written()
    {
        var session = Session("chk_" + Guid.NewGuid().ToString("N"));

        Assert.True(await Store.TryCreateAsync(session, Ct));
        var read = await Store.GetAsync("t1", session.Id, Ct);

        Assert.NotNull(read);
        Assert.Equal(UcpRecordSerializer.Serialize(session), UcpRecordSerializer.Serialize(read));
        Assert.Null(await Store.GetAsync("t1", "chk_missing", Ct));
    }

    [Fact]
    public async Task An_id_is_created_once()
    {
        var session = Session("chk_" + Guid.NewGuid().ToString("N"));

        Assert.True(await Store.TryCreateAsync(session, Ct));
        Assert.False(await Store.TryCreateAsync(session with { Currency = "EUR" }, Ct));
        Assert.Equal("USD", (await Store.GetAsync("t1", session.Id, Ct))!.Currency);
    }

    [Fact]
    public async Task An_update_wins_only_against_the_version_it_read()
    {
        var session = Session("chk_" + Guid.NewGuid().ToString("N"));
        await Store.TryCreateAsync(session, Ct);

        Assert.True(await Store.TryUpdateAsync(session with { Version = 2, Status = CheckoutStatus.Canceled }, 1, Ct));
        Assert.False(await Store.TryUpdateAsync(session with { Version = 2, Currency = "EUR" }, 1, Ct));
        Assert.False(await Store.TryUpdateAsync(Session("chk_missing_" + Guid.NewGuid().ToString("N")) with { Version = 2 }, 1, Ct));

        var read = (await Store.GetAsync("t1", session.Id, Ct))!;
        Assert.Equal((2L, CheckoutStatus.Canceled, "USD"), (read.Version, read.Status, read.Currency));
    }

    [Fact]
    public async Task Of_concurrent_updates_from_one_version_exactly_one_wins()
    {
        var session = Session("chk_" + Guid.NewGuid().ToString("N"));
        await Store.TryCreateAsync(session, Ct);

        var attempts = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () => await Store.TryUpdateAsync(session with { Version = 2, Currency = $"C{i:00}" }, 1, Ct), Ct));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, won => won);
        Assert.Equal(2, (await Store.GetAsync("t1", session.Id, Ct))!.Version);
    }

    [Fact]
    public async Task Tenants_do_not_see_each_others_sessions()
    {
        var session = Session("chk_" + Guid.NewGuid().ToString("N"));
        await Store.TryCreateAsync(session, Ct);

        Assert.Null(await Store.GetAsync("t2", session.Id, Ct));
        Assert.True(await Store.TryCreateAsync(session with { TenantId = "t2" }, Ct));
        Assert.False(await Store.TryUpdateAsync(session with { TenantId = "t3", Version = 2 }, 1, Ct));
    }

    protected static CheckoutSession Session(string id) => new()
    {
        TenantId = "t1",
        Id = id,
        Status = CheckoutStatus.Incomplete,
        Currency = "USD",
        Lines = [new CheckoutLine { Id = "li_1", ItemId = "tea", Title = "Tea \"special\" ✓", UnitPrice = 1200, Quantity = 2 }],
        Messages = [Messages.UcpMessage.Warning("quantity_adjusted", "Reduced.", Messages.MessageTarget.At(Messages.MessageTargetKind.LineItemQuantity, 0))],
        CreatedAt = Now,
        UpdatedAt = Now,
        ExpiresAt = Now.AddHours(6),
        PlatformProfile = "https://platform.example/profile",
        Version = 1,
    };
}
