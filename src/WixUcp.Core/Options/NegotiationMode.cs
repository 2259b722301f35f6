namespace WixUcp;

/// <summary>How strictly platform profiles and capability declarations are read.</summary>
public enum NegotiationMode
{
    /// <summary>
    /// Accept what real platforms publish where the meaning is unambiguous: absent <c>services</c>,
    /// <c>payment_handlers</c> or <c>capabilities</c> read as empty, and an operation whose capability family the platform
    /// does not declare at all is served with the business's capabilities of that family. Each tolerance is logged once
    /// per profile and counted. Version checks, URL rules, size limits and JSON well-formedness stay strict.
    /// </summary>
    Tolerant,

    /// <summary>Exactly the UCP 2026-04-08 rules: malformed or incomplete profiles and undeclared capabilities are refused.</summary>
    Strict,
}
