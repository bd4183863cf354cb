using CxFeed.Tests.Serving;

namespace CxFeed.Tests.Access;

/// <summary>
/// The seed server with two partner feeds beside the public ones: <c>/feeds/private.*</c> for
/// customerthink (two keys, as while one is rotated) and <c>/feeds/acme-only.*</c> for acme.
/// </summary>
public static class PartnerServer
{
    public const string Key = "ct-3f9a1c7e5b2d4a60";
    public const string NextKey = "ct-rotated-8e1f2a3b4c5d";
    public const string AcmeKey = "acme-0123456789abcdef";
    public const string OwnerKey = "owner-5d7c9e1a3b2f4e6d";

    public static Dictionary<string, string?> Settings(params (string Name, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CxFeed:Access:Partners:customerthink:Keys:0"] = Key,
            ["CxFeed:Access:Partners:customerthink:Keys:1"] = NextKey,
            ["CxFeed:Access:Partners:acme:Keys:0"] = AcmeKey,
            ["CxFeed:Access:OwnerKeys:0"] = OwnerKey,
        };
        foreach (var (name, value) in more)
            settings[name] = value;
        return settings;
    }

    public static void AddPartnerFeeds(string content, string feeds)
    {
        File.WriteAllText(Path.Combine(feeds, "private.json"),
            """{ "title": "For CustomerThink", "content": "full", "access": "partner", "partners": ["customerthink"] }""");
        File.WriteAllText(Path.Combine(feeds, "acme-only.json"),
            """{ "title": "For Acme", "content": "full", "itemsPerPage": 5, "access": "partner", "partners": ["acme"] }""");
    }

    public static CxFeedServer Start(params (string Name, string? Value)[] more) =>
        CxFeedServer.Start(Settings(more), prepare: AddPartnerFeeds);

    /// <summary>A response header exactly as sent (HttpClient reorders Cache-Control's directives when it parses them).</summary>
    public static string Raw(this HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    public static (string, string) Basic(string user, string key) =>
        ("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{key}")));
}
