using System.Collections.Immutable;
using System.Text;

namespace CxFeed.Access;

/// <summary>What a request may see: allowed (as which partner, if one), not authorized, or limited (too many wrong keys).</summary>
public enum AccessOutcome
{
    Allowed,
    Unauthorized,
    Limited,
}

public readonly record struct AccessDecision(AccessOutcome Outcome, string? Partner = null);

/// <summary>
/// Checks a request's credentials against the <see cref="KeyRing"/> for a partner feed or the
/// owner's pages, and answers a refusal. A client that sent <see cref="AccessOptions.FailureLimit"/>
/// wrong keys within <see cref="AccessOptions.FailureWindow"/> gets 429 for any credentialed request
/// until the window ends, before its key is even looked at (so a right key found by guessing is
/// useless there). A request with no credentials is not a failure: a reader that lost its key gets
/// 401, not a ban.
/// </summary>
public sealed class AccessGate(KeyRing keys, AccessOptions options, ClientAddress clients, TimeProvider time)
{
    private static readonly byte[] PartnerRefused = Encoding.UTF8.GetBytes(
        "Unauthorized: this feed is for partners. Send HTTP Basic with the partner's name as the user and its key as the password, or add ?key=KEY to the address.\n");

    private static readonly byte[] OwnerRefused = Encoding.UTF8.GetBytes(
        "Unauthorized: send the owner key as Authorization: Bearer KEY (or as the password of HTTP Basic).\n");

    private static readonly byte[] LimitedBody = Encoding.UTF8.GetBytes("Too many requests: too many wrong keys from this address; wait and try again.\n");

    private readonly ClientRateLimit _failures = new(options.FailureLimit, options.FailureWindow, time);

    public bool HasOwnerKeys => keys.HasOwnerKeys;

    /// <summary>
    /// Whether the request carries the key of one of <paramref name="allowed"/>. With
    /// <paramref name="spendFailure"/> false a wrong key is judged but not counted towards the limit
    /// (nginx's mirror of a request that it also passes on, and that one counts).
    /// </summary>
    public AccessDecision Partner(HttpContext context, ImmutableArray<string> allowed, bool spendFailure = true) =>
        Check(context, credentials => keys.Partner(credentials.User, credentials.Key, allowed), spendFailure);

    /// <summary>Whether the request carries an owner key (bearer, or the password of HTTP Basic with any user).</summary>
    public AccessDecision Owner(HttpContext context) =>
        Check(context, credentials => keys.IsOwner(credentials.Key) ? "" : null, spendFailure: true);

    private AccessDecision Check(HttpContext context, Func<Credentials, string?> who, bool spendFailure)
    {
        if (Credentials.From(context.Request) is not { } credentials)
            return new AccessDecision(AccessOutcome.Unauthorized);
        var client = clients.Of(context);
        if (_failures.IsOver(client))
            return new AccessDecision(AccessOutcome.Limited);
        if (who(credentials) is { } partner)
            return new AccessDecision(AccessOutcome.Allowed, partner.Length == 0 ? null : partner);
        if (spendFailure)
            _failures.TryTake(client);
        return new AccessDecision(AccessOutcome.Unauthorized);
    }

    /// <summary>401 with a challenge, or 429 with Retry-After; never cached, never with the resource's bytes.</summary>
    public Task RefuseAsync(HttpContext context, AccessDecision decision, bool owner)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        byte[] body;
        if (decision.Outcome == AccessOutcome.Limited)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = _failures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            body = LimitedBody;
        }
        else
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = owner ? Credentials.OwnerChallenge : Credentials.Challenge("cxfeed partner feed");
            body = owner ? OwnerRefused : PartnerRefused;
        }
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
