namespace WixUcp.Negotiation;

/// <summary>The deviations from UCP 2026-04-08 that Tolerant negotiation accepts, as logged and counted.</summary>
internal static class Tolerances
{
    /// <summary>The platform profile has no <c>ucp.services</c>: read as none.</summary>
    public const string ServicesAbsent = "services_absent";

    /// <summary>The platform profile has no <c>ucp.payment_handlers</c>: read as none.</summary>
    public const string PaymentHandlersAbsent = "payment_handlers_absent";

    /// <summary>The platform profile has no <c>ucp.capabilities</c>: read as none.</summary>
    public const string CapabilitiesAbsent = "capabilities_absent";

    /// <summary>The platform declares no capability of the operation's family: the business's are used for the call.</summary>
    public const string FamilyUndeclared = "capability_family_undeclared";
}
