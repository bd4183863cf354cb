using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CxFeed.Cli;
using CxFeed.Core;
using Microsoft.Extensions.Configuration.Json;

namespace CxFeed.Access;

/// <summary>
/// The owner's and the partners' keys, kept only as SHA-256 digests and compared in constant time:
/// every check hashes the key sent once and compares it with every digest held, whatever matches,
/// so the time taken says nothing about which key, partner or prefix was close. Keys are never
/// logged and never appear in a problem's text.
/// </summary>
public sealed class KeyRing
{
    private readonly ImmutableArray<byte[]> _owner;
    private readonly ImmutableArray<(string Partner, byte[] Digest)> _partners;

    private KeyRing(ImmutableArray<byte[]> owner, ImmutableArray<(string, byte[])> partners)
    {
        _owner = owner;
        _partners = partners;
    }

    /// <summary>True when an owner key is configured: otherwise the owner's pages answer 404.</summary>
    public bool HasOwnerKeys => !_owner.IsEmpty;

    /// <summary>The partners that have at least one key.</summary>
    public IEnumerable<string> Partners => _partners.Select(partner => partner.Partner).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The keys of <paramref name="options"/> and of its secrets file. Throws <see cref="SettingsException"/>
    /// naming the setting when a key is malformed, when the secrets file is unreadable or inside a git
    /// work tree, or when a key comes from a JSON settings file (<paramref name="configuration"/>'s sources).
    /// </summary>
    public static KeyRing Create(AccessOptions options, IConfiguration? configuration = null)
    {
        var problems = new List<Problem>();
        if (configuration is not null)
            problems.AddRange(KeysInSettingsFiles(configuration));
        var owner = new List<string>(options.OwnerKeys);
        var partners = options.Partners.SelectMany(partner => partner.Value.Keys.Select(key => (partner.Key, key))).ToList();
        if (!string.IsNullOrWhiteSpace(options.SecretsFile))
            problems.AddRange(ReadSecretsFile(options.SecretsFile, owner, partners));
        if (problems.Count > 0)
            throw new SettingsException(problems);
        return new KeyRing(
            [.. owner.Select(Digest)],
            [.. partners.Select(partner => (partner.Item1, Digest(partner.Item2)))]);
    }

    /// <summary>Whether <paramref name="key"/> is an owner key.</summary>
    public bool IsOwner(string key)
    {
        var digest = Digest(key);
        var match = false;
        foreach (var held in _owner)
            match |= CryptographicOperations.FixedTimeEquals(digest, held);
        return match;
    }

    /// <summary>
    /// The partner among <paramref name="allowed"/> whose key <paramref name="key"/> is; with a
    /// <paramref name="user"/> (HTTP Basic), only that partner's keys count. Null when none.
    /// </summary>
    public string? Partner(string? user, string key, ImmutableArray<string> allowed)
    {
        var digest = Digest(key);
        string? found = null;
        foreach (var (partner, held) in _partners)
        {
            // Compare every digest whatever the names: the time is the same for any user and key.
            var same = CryptographicOperations.FixedTimeEquals(digest, held);
            if (same && (user is null || user == partner) && allowed.Contains(partner))
                found = partner;
        }
        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static IEnumerable<Problem> ReadSecretsFile(string path, List<string> owner, List<(string, string)> partners)
    {
        const string setting = $"{nameof(AccessOptions.SecretsFile)}";
        var name = $"CxFeed:Access:{setting}";
        var full = Path.GetFullPath(path);
        if (RepositoryAround(full) is { } repository)
            return [new Problem(name, $"'{full}' is inside the git work tree {repository}: keep keys in a file outside any repository")];
        AccessOptions secrets;
        try
        {
            secrets = JsonSerializer.Deserialize<AccessOptions>(File.ReadAllBytes(full), new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
                ?? new AccessOptions();
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or JsonException)
        {
            // The reason of a JSON error may quote the file; only its position is told.
            var reason = failure is JsonException json ? $"is not a JSON object of OwnerKeys and Partners (line {json.LineNumber + 1})" : failure.Message;
            return [new Problem(name, $"'{full}': {reason}")];
        }
        var problems = AccessOptions.ValidateKeys($"{name} OwnerKeys", secrets.OwnerKeys).ToList();
        foreach (var (partner, keys) in secrets.Partners)
        {
            if (!Core.Syndication.FeedDefinitionReader.PartnerName().IsMatch(partner))
                problems.Add(new Problem($"{name} Partners:{partner}", "is not a partner name: lower-case letters, digits and '-'"));
            problems.AddRange(AccessOptions.ValidateKeys($"{name} Partners:{partner}:Keys", keys.Keys));
            partners.AddRange(keys.Keys.Select(key => (partner, key)));
        }
        owner.AddRange(secrets.OwnerKeys);
        return problems;
    }

    /// <summary>The work tree holding <paramref name="file"/> (a folder with <c>.git</c> above it), or null.</summary>
    internal static string? RepositoryAround(string file)
    {
        for (var folder = Path.GetDirectoryName(file); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var git = Path.Combine(folder, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return folder;
        }
        return null;
    }

    /// <summary>Keys found in a JSON settings file (appsettings*.json ships in the repository): a problem per setting, never the key.</summary>
    private static IEnumerable<Problem> KeysInSettingsFiles(IConfiguration configuration)
    {
        foreach (var provider in Providers(configuration).OfType<JsonConfigurationProvider>())
        {
            foreach (var key in provider.GetChildKeys([], "CxFeed:Access").Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (key.Equals("OwnerKeys", StringComparison.OrdinalIgnoreCase) || key.Equals("Partners", StringComparison.OrdinalIgnoreCase))
                    yield return new Problem($"CxFeed:Access:{key}", $"is set in {provider.Source.Path}: keys come from environment variables or CxFeed:Access:SecretsFile, never from a settings file");
            }
        }
    }

    private static IEnumerable<IConfigurationProvider> Providers(IConfiguration configuration) =>
        configuration is IConfigurationRoot root
            ? root.Providers.SelectMany(provider => provider is ChainedConfigurationProvider chained ? Providers(chained.Configuration) : [provider])
            : [];
}
