using CxFeed.Core;
using CxFeed.Core.Syndication;

namespace CxFeed.Access;

/// <summary>
/// Who may read what: section <c>CxFeed:Access</c>. Keys come from environment variables
/// (<c>CxFeed__Access__OwnerKeys__0</c>, <c>CxFeed__Access__Partners__customerthink__Keys__0</c>)
/// or from <see cref="SecretsFile"/>, a JSON file outside the repository; never from a file in it
/// (<see cref="KeyRing"/> checks both). Problems name the setting, never a key.
/// </summary>
public sealed class AccessOptions : ISettings
{
    /// <summary>Shorter keys are refused: a key must not be guessable at the rate the failure limit allows.</summary>
    public const int MinimumKeyLength = 16;

    public const int MaximumKeyLength = 512;

    public static string Section => "CxFeed:Access";

    /// <summary>Keys for <c>/stats</c> and <c>/stats.json</c>; none configured, those answer 404. Two at once while one is rotated.</summary>
    public string[] OwnerKeys { get; init; } = [];

    /// <summary>Partners by name (what a feed definition's <c>"partners"</c> lists and what they send as the HTTP Basic user).</summary>
    public Dictionary<string, PartnerOptions> Partners { get; init; } = [];

    /// <summary>A JSON file with <c>OwnerKeys</c> and <c>Partners</c> as here, read at start; it must not be inside a git work tree.</summary>
    public string? SecretsFile { get; init; }

    /// <summary>Wrong keys a client may send per <see cref="FailureWindow"/>; then every credentialed request of it gets 429 until the window ends.</summary>
    public int FailureLimit { get; init; } = 10;

    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A header carrying the client's address (<c>X-Real-IP</c> behind deploy/nginx.conf), believed
    /// only on connections from a loopback address (the proxy); none: the connection's address.
    /// </summary>
    public string? ClientAddressHeader { get; init; }

    public IEnumerable<Problem> Validate()
    {
        foreach (var problem in ValidateKeys($"{Section}:OwnerKeys", OwnerKeys))
            yield return problem;
        foreach (var (name, partner) in Partners)
        {
            if (!FeedDefinitionReader.PartnerName().IsMatch(name))
                yield return new Problem($"{Section}:Partners:{name}", "is not a partner name: lower-case letters, digits and '-'");
            foreach (var problem in ValidateKeys($"{Section}:Partners:{name}:Keys", partner.Keys))
                yield return problem;
        }
        if (FailureLimit < 1)
            yield return new Problem($"{Section}:FailureLimit", "must be 1 or more");
        if (FailureWindow <= TimeSpan.Zero)
            yield return new Problem($"{Section}:FailureWindow", $"'{FailureWindow}' must be longer than 00:00:00");
        if (ClientAddressHeader is { } header && (header.Length == 0 || header.Any(c => c is <= ' ' or ':' or > '~')))
            yield return new Problem($"{Section}:ClientAddressHeader", "must be a header name such as X-Real-IP");
    }

    /// <summary>Each key's problem, naming the setting and the key's index: the key itself is never written anywhere.</summary>
    internal static IEnumerable<Problem> ValidateKeys(string setting, string[] keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i] ?? "";
            if (key.Length < MinimumKeyLength || key.Length > MaximumKeyLength)
                yield return new Problem($"{setting}:{i}", $"a key must be {MinimumKeyLength} to {MaximumKeyLength} characters (this one is {key.Length})");
            else if (key.Any(c => c is <= ' ' or > '~' or ':'))
                yield return new Problem($"{setting}:{i}", "a key must be printable ASCII without spaces or ':' (it travels in HTTP Basic and in a URL)");
            else if (Array.IndexOf(keys, key) != i)
                yield return new Problem($"{setting}:{i}", $"is the same key as {setting}:{Array.IndexOf(keys, key)}");
        }
    }
}

/// <summary>One partner's keys: <c>CxFeed:Access:Partners:{name}:Keys</c>, two at once while one is rotated.</summary>
public sealed class PartnerOptions
{
    public string[] Keys { get; init; } = [];
}
