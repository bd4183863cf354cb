using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using CxFeed.Core.Excerpts;

namespace CxFeed.Core.Syndication;

/// <summary>
/// Reads feed definitions: one JSON file per feed, named for the feed. Every problem names the file
/// and the field (<c>feeds/posts.json: formats[1]: 'rdf' is not one of rss, atom, json</c>), and a
/// file with any problem gives no feed: a typo must not publish something else than meant.
/// </summary>
public static partial class FeedDefinitionReader
{
    /// <summary>The placeholders an attribution may use.</summary>
    public static readonly ImmutableArray<string> AttributionPlaceholders = ["site", "link", "title", "author"];

    private static readonly ImmutableArray<string> Fields =
        ["title", "description", "posts", "content", "excerpt", "itemsPerPage", "formats", "attribution", "linkParameters", "access", "partners"];

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Every <c>*.json</c> directly in <paramref name="folder"/>, in ordinal order of name.</summary>
    public static async Task<FeedDefinitionSet> ReadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
            return new FeedDefinitionSet([], [new Problem(folder, "is not a folder of feed definitions")]);
        var definitions = ImmutableArray.CreateBuilder<FeedDefinition>();
        var problems = ImmutableArray.CreateBuilder<Problem>();
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var label = Path.Combine(folder, Path.GetFileName(file)).Replace('\\', '/');
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            var (definition, fileProblems) = Read(Path.GetFileNameWithoutExtension(file), label, bytes);
            if (definition is not null)
                definitions.Add(definition);
            problems.AddRange(fileProblems);
        }
        return new FeedDefinitionSet(definitions.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>One definition from its bytes; <paramref name="file"/> is how problems name it.</summary>
    public static (FeedDefinition? Definition, ImmutableArray<Problem> Problems) Read(string name, string file, ReadOnlyMemory<byte> json)
    {
        var problems = ImmutableArray.CreateBuilder<Problem>();
        void Problem(string field, string reason) => problems.Add(new Problem(file, field.Length == 0 ? reason : $"{field}: {reason}"));

        if (!FeedName().IsMatch(name))
            Problem("", $"'{name}' is not a feed name: lower-case letters, digits and '-' (it is the feed's address)");
        // The parser checks the structure, not the bytes inside strings: reading a string that is not
        // UTF-8 would throw later, so the whole file is checked first.
        if (FirstInvalidUtf8(json.Span) is var offset and >= 0)
        {
            Problem("", $"is not UTF-8 text: the byte at offset {offset} (0x{json.Span[offset]:X2}) begins no UTF-8 character; save the file as UTF-8");
            return (null, problems.ToImmutable());
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException invalid)
        {
            Problem("", $"is not JSON: {invalid.Message}");
            return (null, problems.ToImmutable());
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("", "must be a JSON object");
                return (null, problems.ToImmutable());
            }
            var definition = FeedDefinition.Default(name);
            foreach (var property in root.EnumerateObject())
            {
                var field = property.Name;
                var value = property.Value;
                switch (field)
                {
                    case "title":
                        definition = definition with { Title = Text(field, value, Problem) };
                        break;
                    case "description":
                        definition = definition with { Description = Text(field, value, Problem) };
                        break;
                    case "posts":
                        definition = definition with { Posts = Selection(field, value, Problem) };
                        break;
                    case "content":
                        var content = Text(field, value, Problem);
                        if (content is "excerpt" or "full")
                            definition = definition with { Content = content == "full" ? FeedContent.Full : FeedContent.Excerpt };
                        else if (content is not null)
                            Problem(field, $"'{content}' is not one of excerpt, full");
                        break;
                    case "excerpt":
                        definition = definition with { ExcerptBudget = Budget(field, value, Problem) };
                        break;
                    case "itemsPerPage":
                        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count is >= 1 and <= FeedDefinition.MaxItemsPerPage)
                            definition = definition with { ItemsPerPage = count };
                        else
                            Problem(field, $"must be a whole number from 1 to {FeedDefinition.MaxItemsPerPage}");
                        break;
                    case "formats":
                        definition = definition with { Formats = Formats(field, value, Problem) };
                        break;
                    case "attribution":
                        definition = definition with { Attribution = Attribution(field, value, Problem) };
                        break;
                    case "linkParameters":
                        definition = definition with { LinkParameters = Parameters(field, value, Problem) };
                        break;
                    case "access":
                        var access = Text(field, value, Problem);
                        if (access is "public" or "partner")
                            definition = definition with { Access = access == "partner" ? FeedAccess.Partner : FeedAccess.Public };
                        else if (access is not null)
                            Problem(field, $"'{access}' is not one of public, partner");
                        break;
                    case "partners":
                        definition = definition with { Partners = PartnerNames(field, value, Problem) };
                        break;
                    default:
                        Problem(field, $"is not a field of a feed definition ({string.Join(", ", Fields)})");
                        break;
                }
            }
            if (definition.Access == FeedAccess.Partner && definition.Partners.IsEmpty && !root.TryGetProperty("partners", out _))
                Problem("partners", "a feed with \"access\": \"partner\" must name its partners, e.g. [\"customerthink\"]");
            if (definition.Access == FeedAccess.Public && !definition.Partners.IsEmpty)
                Problem("partners", "only a feed with \"access\": \"partner\" has partners");
            return (problems.Count == 0 ? definition : null, problems.ToImmutable());
        }
    }

    private static ImmutableArray<string> PartnerNames(string field, JsonElement value, Action<string, string> problem)
    {
        var names = Texts(field, value, problem);
        for (var i = 0; i < names.Length; i++)
        {
            if (!PartnerName().IsMatch(names[i]))
                problem($"{field}[{i}]", $"'{names[i]}' is not a partner name: lower-case letters, digits and '-' (as under CxFeed:Access:Partners)");
            else if (names.IndexOf(names[i]) != i)
                problem($"{field}[{i}]", $"'{names[i]}' is listed twice");
        }
        if (value.ValueKind == JsonValueKind.Array && names.Length == 0)
            problem(field, "must name at least one partner");
        return names;
    }

    private static string? Text(string field, JsonElement value, Action<string, string> problem)
    {
        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            return value.GetString()!.Trim();
        problem(field, "must be a text that is not empty");
        return null;
    }

    private static ImmutableArray<string> Texts(string field, JsonElement value, Action<string, string> problem)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problem(field, "must be a list of names");
            return [];
        }
        var texts = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Text($"{field}[{index++}]", item, problem) is { } text)
                texts.Add(text);
        }
        return texts.ToImmutable();
    }

    private static PostSelection Selection(string field, JsonElement value, Action<string, string> problem)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() == "all")
            return PostSelection.All;
        if (value.ValueKind != JsonValueKind.Object)
        {
            problem(field, "must be \"all\" or an object with categories, tags and/or authors");
            return PostSelection.All;
        }
        var selection = PostSelection.All;
        var mistakes = 0;
        void Mistake(string inner, string reason)
        {
            mistakes++;
            problem(inner, reason);
        }
        foreach (var property in value.EnumerateObject())
        {
            var inner = $"{field}.{property.Name}";
            switch (property.Name)
            {
                case "categories":
                    selection = selection with { Categories = Texts(inner, property.Value, Mistake) };
                    break;
                case "tags":
                    selection = selection with { Tags = Texts(inner, property.Value, Mistake) };
                    break;
                case "authors":
                    selection = selection with { Authors = Texts(inner, property.Value, Mistake) };
                    break;
                default:
                    Mistake(inner, "is not one of categories, tags, authors");
                    break;
            }
        }
        if (selection.IsAll && mistakes == 0)
            problem(field, "names no category, tag or author: write \"all\" for every post");
        return selection;
    }

    private static ExcerptBudget Budget(string field, JsonElement value, Action<string, string> problem)
    {
        if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Count() == 1)
        {
            var property = value.EnumerateObject().First();
            var unit = property.Name switch
            {
                "words" => ExcerptUnit.Words,
                "characters" => ExcerptUnit.Characters,
                _ => (ExcerptUnit?)null,
            };
            if (unit is null)
            {
                problem($"{field}.{property.Name}", "is not one of words, characters");
                return ExcerptBudget.Default;
            }
            if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var size) && size is >= 1 and <= 100_000)
                return new ExcerptBudget(size, unit.Value);
            problem($"{field}.{property.Name}", "must be a whole number from 1 to 100000");
            return ExcerptBudget.Default;
        }
        problem(field, "must be {\"words\": N} or {\"characters\": N}");
        return ExcerptBudget.Default;
    }

    private static ImmutableArray<FeedFormat> Formats(string field, JsonElement value, Action<string, string> problem)
    {
        var names = Texts(field, value, problem);
        var formats = ImmutableArray.CreateBuilder<FeedFormat>();
        for (var i = 0; i < names.Length; i++)
        {
            if (!FeedFormats.TryParse(names[i], out var format))
                problem($"{field}[{i}]", $"'{names[i]}' is not one of {string.Join(", ", FeedFormats.All.Select(known => known.Name()))}");
            else if (formats.Contains(format))
                problem($"{field}[{i}]", $"'{names[i]}' is listed twice");
            else
                formats.Add(format);
        }
        if (value.ValueKind == JsonValueKind.Array && names.Length == 0)
            problem(field, "must name at least one format");
        return formats.ToImmutable();
    }

    private static string? Attribution(string field, JsonElement value, Action<string, string> problem)
    {
        var template = Text(field, value, problem);
        if (template is null)
            return null;
        foreach (Match placeholder in Placeholder().Matches(template))
        {
            if (!AttributionPlaceholders.Contains(placeholder.Groups[1].Value))
                problem(field, $"'{placeholder.Value}' is not one of {string.Join(", ", AttributionPlaceholders.Select(name => $"{{{name}}}"))}");
        }
        return template;
    }

    private static ImmutableArray<KeyValuePair<string, string>> Parameters(string field, JsonElement value, Action<string, string> problem)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problem(field, "must be an object of parameter names and values, e.g. {\"utm_source\": \"partner\"}");
            return [];
        }
        var parameters = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var property in value.EnumerateObject())
        {
            if (string.IsNullOrWhiteSpace(property.Name))
                problem(field, "a parameter name must not be empty");
            else if (Text($"{field}.{property.Name}", property.Value, problem) is { } text)
                parameters.Add(new(property.Name, text));
        }
        return parameters.ToImmutable();
    }

    /// <summary>The offset of the first byte that is not part of a UTF-8 character, or -1.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
            return -1;
        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var used) == OperationStatus.Done)
            offset += used;
        return offset;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex FeedName();

    /// <summary>A partner's name: what it sends as the user of HTTP Basic and names its keys' setting.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex PartnerName();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    internal static partial Regex Placeholder();
}

/// <summary>The definitions read from a folder and the problems of the files that gave none.</summary>
public sealed record FeedDefinitionSet(ImmutableArray<FeedDefinition> Definitions, ImmutableArray<Problem> Problems);
