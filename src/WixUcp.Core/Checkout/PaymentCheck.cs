using WixUcp.Commerce;
using WixUcp.Messages;

namespace WixUcp.Checkout;

/// <summary>Chooses the instrument to charge and checks it against the tenant's payment handlers.</summary>
internal static class PaymentCheck
{
    /// <summary>The instrument marked selected, else the first.</summary>
    public static int SelectInstrument(IReadOnlyList<InstrumentInput> instruments)
    {
        for (var i = 0; i < instruments.Count; i++)
        {
            if (instruments[i].Instrument.Selected == true)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Null when the instrument can be charged; else the recoverable error that says why not.</summary>
    public static UcpMessage? Problem(InstrumentInput input, int index, IReadOnlyList<PaymentHandlerDescriptor> handlers)
    {
        var handler = handlers.FirstOrDefault(h => h.Id == input.Instrument.HandlerId);
        if (handler is null)
        {
            return UcpMessage.Error(MessageCodes.Invalid, $"Payment handler {input.Instrument.HandlerId} is not offered by this store.", MessageSeverity.Recoverable, MessageTarget.At(MessageTargetKind.PaymentInstrumentHandler, index));
        }

        if (handler.InstrumentTypes.Count > 0 && !handler.InstrumentTypes.Contains(input.Instrument.Type, StringComparer.Ordinal))
        {
            return UcpMessage.Error(MessageCodes.Invalid, $"Instrument type {input.Instrument.Type} is not accepted by {handler.Id}.", MessageSeverity.Recoverable, MessageTarget.At(MessageTargetKind.PaymentInstrumentType, index));
        }

        return input.Credential?.Token is { Length: > 0 }
            ? null
            : UcpMessage.Error(MessageCodes.Missing, "The instrument needs a credential with a token.", MessageSeverity.Recoverable, MessageTarget.At(MessageTargetKind.PaymentInstrumentCredential, index));
    }
}
