using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WixUcp.Core.Tests.Webhooks;

public sealed class WebhookOptionsValidationTests
{
    public static TheoryData<string, string> Broken => new()
    {
        { "MaxConcurrencyPerTarget=0", "WixUcp:Webhooks:MaxConcurrencyPerTarget must be at least 1" },
        { "BatchSize=0", "WixUcp:Webhooks:BatchSize must be at least 1" },
        { "MaxAttempts=0", "WixUcp:Webhooks:MaxAttempts must be at least 1" },
        { "InitialDelay=0", "WixUcp:Webhooks:InitialDelay must be positive" },
        { "MaxDelay<InitialDelay", "WixUcp:Webhooks:InitialDelay must be positive and no longer than WixUcp:Webhooks:MaxDelay" },
        { "RequestTimeout=0", "WixUcp:Webhooks:RequestTimeout must be positive" },
        { "PollInterval=0", "WixUcp:Webhooks:PollInterval must be between" },
        { "ClaimLease<=PollInterval", "WixUcp:Webhooks:ClaimLease must be longer than WixUcp:Webhooks:PollInterval" },
        { "ClaimLease<=RequestTimeout", "WixUcp:Webhooks:ClaimLease must be longer than" },
        { "MaxStoredDeliveries=0", "WixUcp:Webhooks:MaxStoredDeliveries must be at least 1" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_setting_the_dispatcher_cannot_work_with_fails_start_up_naming_it(string change, string failure)
    {
        using var services = Services(o => Apply(o.Webhooks, change));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WixUcpOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(failure, StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var services = Services(_ => { });

        Assert.Equal(4, services.GetRequiredService<IOptions<WixUcpOptions>>().Value.Webhooks.MaxConcurrencyPerTarget);
    }

    private static ServiceProvider Services(Action<WixUcpOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddWixUcp(configure);
        return services.BuildServiceProvider();
    }

    private static void Apply(WebhookOptions webhooks, string change)
    {
        switch (change)
        {
            case "MaxConcurrencyPerTarget=0": webhooks.MaxConcurrencyPerTarget = 0; break;
            case "BatchSize=0": webhooks.BatchSize = 0; break;
            case "MaxAttempts=0": webhooks.MaxAttempts = 0; break;
            case "InitialDelay=0": webhooks.InitialDelay = TimeSpan.Zero; break;
            case "MaxDelay<InitialDelay": webhooks.MaxDelay = TimeSpan.FromSeconds(5); break;
            case "RequestTimeout=0": webhooks.RequestTimeout = TimeSpan.Zero; break;
            case "PollInterval=0": webhooks.PollInterval = TimeSpan.Zero; break;
            case "ClaimLease<=PollInterval": webhooks.PollInterval = TimeSpan.FromSeconds(30); webhooks.ClaimLease = TimeSpan.FromSeconds(30); break;
            case "ClaimLease<=RequestTimeout": webhooks.ClaimLease = TimeSpan.FromSeconds(10); break;
            case "MaxStoredDeliveries=0": webhooks.MaxStoredDeliveries = 0; break;
            default: throw new ArgumentOutOfRangeException(nameof(change));
        }
    }
}
