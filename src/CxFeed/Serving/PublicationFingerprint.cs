using System.Security.Cryptography;
using System.Text;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;

namespace CxFeed.Serving;

/// <summary>
/// The hash of everything besides the posts that shapes what a publication holds: every setting
/// under <c>CxFeed</c> but those that only change how it is served or counted (<c>Serve</c>,
/// <c>Access</c>, <c>Audience</c>, <c>Publish:StoredPath</c>), the content and feeds folders as
/// full paths, this server's code and every feed definition (each field, as a file's key holds
/// it). A stored publication made with another fingerprint is never served.
/// </summary>
public sealed class PublicationFingerprint
{
    private static readonly string[] Unshaping = ["CxFeed:Serve", "CxFeed:Access", "CxFeed:Audience", "CxFeed:Publish:StoredPath"];

    private readonly string _settings;

    public PublicationFingerprint(IConfiguration configuration, string contentPath, string feedsPath)
    {
        var text = new StringBuilder();
        text.Append("server ").Append(typeof(PublicationFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        text.Append("content ").Append(Path.GetFullPath(contentPath)).Append('\n');
        text.Append("feeds ").Append(Path.GetFullPath(feedsPath)).Append('\n');
        var settings = configuration.GetSection("CxFeed").AsEnumerable()
            .Where(pair => pair.Value is not null && !Unshaping.Any(section => Within(pair.Key, section)))
            .OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
            text.Append(key.ToLowerInvariant()).Append('=').Append(value!.Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        _settings = text.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the settings and of these feed definitions, in their order.</summary>
    public string Of(IEnumerable<FeedDefinition> definitions)
    {
        var text = new StringBuilder(_settings);
        foreach (var definition in definitions)
            text.Append("feed ").Append(FeedRenderer.Key(definition)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static bool Within(string key, string section) =>
        key.Equals(section, StringComparison.OrdinalIgnoreCase)
        || (key.Length > section.Length && key[section.Length] == ':' && key.StartsWith(section, StringComparison.OrdinalIgnoreCase));
}
