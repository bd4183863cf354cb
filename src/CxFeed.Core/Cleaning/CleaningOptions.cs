using System.Collections.Immutable;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// The cleaning policy as configuration: section <c>CxFeed:Cleaning</c>. Every collection starts
/// empty and an empty one means the default (<see cref="CleaningPolicy.Default"/>): the
/// configuration binder appends to a collection's initial items, so the defaults cannot be
/// them. A collection that is set replaces its default whole; <see cref="ExtraChromeSelectors"/>
/// adds to the chrome selectors in force instead.
/// </summary>
public sealed class CleaningOptions : ISettings
{
    public static string Section => "CxFeed:Cleaning";

    public IReadOnlyList<string> AllowedElements { get; init; } = [];

    /// <summary>Element name → the attributes it may carry, in writing order.</summary>
    public IReadOnlyDictionary<string, List<string>> AllowedAttributes { get; init; } = new Dictionary<string, List<string>>();

    public IReadOnlyList<string> DroppedElements { get; init; } = [];

    public IReadOnlyList<string> UrlSchemes { get; init; } = [];

    public IReadOnlyList<string> ChromeSelectors { get; init; } = [];

    /// <summary>Selectors removed as chrome on top of <see cref="ChromeSelectors"/> (or its default).</summary>
    public IReadOnlyList<string> ExtraChromeSelectors { get; init; } = [];

    public IReadOnlyList<string> BeaconHosts { get; init; } = [];

    public IReadOnlyList<string> PlaceholderImages { get; init; } = [];

    /// <summary>Elements nested deeper are flattened to their content; default 256.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Input is cut after this many characters; default 20,971,520 (20 MiB).</summary>
    public int? MaxInputChars { get; init; }

    /// <summary>The policy these settings describe, the default's values wherever a setting is absent.</summary>
    public CleaningPolicy ToPolicy()
    {
        var defaults = CleaningPolicy.Default;
        return defaults with
        {
            AllowedElements = AllowedElements.Count > 0 ? CleaningPolicy.Set(AllowedElements) : defaults.AllowedElements,
            AllowedAttributes = AllowedAttributes.Count > 0
                ? AllowedAttributes.ToImmutableDictionary(pair => pair.Key, pair => pair.Value.ToImmutableArray(), StringComparer.OrdinalIgnoreCase)
                : defaults.AllowedAttributes,
            DroppedElements = DroppedElements.Count > 0 ? CleaningPolicy.Set(DroppedElements) : defaults.DroppedElements,
            UrlSchemes = UrlSchemes.Count > 0 ? CleaningPolicy.Set(UrlSchemes) : defaults.UrlSchemes,
            ChromeSelectors = [.. ChromeSelectors.Count > 0 ? ChromeSelectors : defaults.ChromeSelectors, .. ExtraChromeSelectors],
            BeaconHosts = BeaconHosts.Count > 0 ? CleaningPolicy.Set(BeaconHosts) : defaults.BeaconHosts,
            PlaceholderImages = PlaceholderImages.Count > 0 ? [.. PlaceholderImages] : defaults.PlaceholderImages,
            MaxDepth = MaxDepth ?? defaults.MaxDepth,
            MaxInputChars = MaxInputChars ?? defaults.MaxInputChars,
        };
    }

    /// <summary>Every problem, naming the setting: what no policy may allow, selectors that do not parse, limits out of range.</summary>
    public IEnumerable<Problem> Validate() =>
        CleaningPolicyRules.Check(ToPolicy())
            .Select(problem => new Problem($"{Section}:{SettingOf(problem.Property)}", problem.Reason))
            .Distinct();

    private string SettingOf(string property) =>
        property == nameof(CleaningPolicy.ChromeSelectors) && ChromeSelectors.Count == 0 ? nameof(ExtraChromeSelectors) : property;
}
