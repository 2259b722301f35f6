using System.Text;

namespace WixUcp.Wix;

/// <summary>
/// Takes one webhook as Wix posts it (the JWT as the body), verifies it with the app's public key and acts on it. Hosts
/// expose it with <c>MapWixWebhooks()</c>; Wix expects a 200 within 1,250 ms and retries otherwise, which the
/// receiver recognises by event id.
/// </summary>
public sealed class WixWebhookReceiver
{
    private readonly WixWebhookVerifier _verifier;
    private readonly WixEvents _events;

    internal WixWebhookReceiver(WixWebhookVerifier verifier, WixEvents events) => (_verifier, _events) = (verifier, events);

    /// <summary>Verifies and handles one webhook body.</summary>
    /// <param name="body">The request body: the compact JWT Wix signed.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns>Whether it was accepted, and why not when it was refused.</returns>
    public async ValueTask<WixWebhookReceipt> ReceiveAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (body.Length > WixWebhookVerifier.MaxTokenLength)
        {
            return new WixWebhookReceipt(false, "The body is not a Wix webhook token.");
        }

        var (wixEvent, refusal) = await _verifier.VerifyAsync(Encoding.UTF8.GetString(body.Span)).ConfigureAwait(false);
        if (wixEvent is null)
        {
            return new WixWebhookReceipt(false, refusal);
        }

        var outcome = await _events.HandleAsync(wixEvent, cancellationToken).ConfigureAwait(false);
        return new WixWebhookReceipt(true, null, wixEvent.EventType, outcome.ToString().ToLowerInvariant());
    }
}
