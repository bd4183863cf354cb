using System.Buffers;
using System.Collections.Frozen;
using CxFeed.Core.Html;

namespace CxFeed.Core.Cleaning;

/// <summary>A <see cref="CleaningPolicy"/> turned into the lookups one cleaning pass needs: lowercase, frozen, parsed.</summary>
internal sealed class CompiledPolicy
{
    public CompiledPolicy(CleaningPolicy policy)
    {
        var problems = CleaningPolicyRules.Check(policy).ToList();
        if (problems.Count > 0)
            throw new ArgumentException("The cleaning policy cannot be used: " + string.Join("; ", problems), nameof(policy));
        Source = policy;
        Allowed = Lower(policy.AllowedElements);
        Dropped = Lower(policy.DroppedElements);
        UrlSchemes = Lower(policy.UrlSchemes);
        Renames = policy.RenamedElements.ToFrozenDictionary(
            pair => pair.Key.ToLowerInvariant(), pair => pair.Value.ToLowerInvariant(), StringComparer.Ordinal);
        Attributes = policy.AllowedAttributes.ToFrozenDictionary(
            pair => pair.Key.ToLowerInvariant(),
            pair => pair.Value.Select(name => name.ToLowerInvariant()).Distinct().ToArray(),
            StringComparer.Ordinal);
        Chrome = policy.ChromeSelectors.IsEmpty ? null : CssSelector.Parse(string.Join(", ", policy.ChromeSelectors));
        // A conversion into an element the policy does not keep would only be unwrapped: skip it.
        Conversions = [.. policy.Conversions
            .Where(c => Allowed.Contains(c.Element.ToLowerInvariant()))
            .Select(c => (CssSelector.Parse(c.Selector), c.Element.ToLowerInvariant()))];
        AnyConversion = Conversions.Length == 0 ? null : CssSelector.Parse(string.Join(", ", Conversions.Select(c => c.Selector.Text)));
        BeaconHosts = policy.BeaconHosts.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _beaconHostsBySpan = BeaconHosts.GetAlternateLookup<ReadOnlySpan<char>>();
        string[] placeholders = [.. policy.PlaceholderImages.Select(p => p.ToLowerInvariant()).Distinct()];
        // An empty marker is in every name: then every image source is a placeholder, as configured.
        _everySourceIsPlaceholder = placeholders.Contains("");
        _placeholderSearch = placeholders.Length == 0 || _everySourceIsPlaceholder ? null : SearchValues.Create(placeholders, StringComparison.OrdinalIgnoreCase);
    }

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _beaconHostsBySpan;

    /// <summary>All the placeholder markers in one search: every image source and srcset candidate is checked.</summary>
    private readonly SearchValues<string>? _placeholderSearch;
    private readonly bool _everySourceIsPlaceholder;

    public CleaningPolicy Source { get; }

    public FrozenSet<string> Allowed { get; }

    public FrozenSet<string> Dropped { get; }

    public FrozenSet<string> UrlSchemes { get; }

    public FrozenDictionary<string, string> Renames { get; }

    public FrozenDictionary<string, string[]> Attributes { get; }

    public CssSelector? Chrome { get; }

    public (CssSelector Selector, string Element)[] Conversions { get; }

    /// <summary>All the conversions' selectors in one: most elements match none, and one test tells so.</summary>
    public CssSelector? AnyConversion { get; }

    public FrozenSet<string> BeaconHosts { get; }

    public string[] AttributesOf(string element) => Attributes.TryGetValue(element, out var names) ? names : [];

    public bool IsBeacon(ReadOnlySpan<char> host)
    {
        // The host itself or any parent domain: a.b.stats.wp.com is stats.wp.com's.
        while (host.Length > 0)
        {
            if (_beaconHostsBySpan.Contains(host))
                return true;
            var dot = host.IndexOf('.');
            host = dot < 0 ? default : host[(dot + 1)..];
        }
        return false;
    }

    public bool IsPlaceholder(string absoluteUrl) =>
        _everySourceIsPlaceholder || (_placeholderSearch is not null && UrlRewriter.FileName(absoluteUrl).IndexOfAny(_placeholderSearch) >= 0);

    private static FrozenSet<string> Lower(IEnumerable<string> names) =>
        names.Select(name => name.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
}
