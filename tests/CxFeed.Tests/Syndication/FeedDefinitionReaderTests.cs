using System.Text;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Syndication;

namespace CxFeed.Tests.Syndication;

public class FeedDefinitionReaderTests
{
    private static (FeedDefinition? Definition, string[] Problems) Read(string json, string name = "posts")
    {
        var (definition, problems) = FeedDefinitionReader.Read(name, $"feeds/{name}.json", Encoding.UTF8.GetBytes(json));
        return (definition, problems.Select(problem => problem.ToString()).ToArray());
    }

    [Fact]
    public async Task The_shipped_definitions_read_without_problems()
    {
        var set = await FeedDefinitionReader.ReadFolderAsync(Path.Combine(Repository.Root, "feeds"));

        Assert.Empty(set.Problems);
        Assert.Equal(["customerthink", "posts"], set.Definitions.Select(definition => definition.Name));
        var posts = set.Definitions.Single(definition => definition.Name == "posts");
        Assert.Equal(FeedContent.Excerpt, posts.Content);
        Assert.True(posts.Posts.IsAll);
        var partner = set.Definitions.Single(definition => definition.Name == "customerthink");
        Assert.Equal(FeedContent.Full, partner.Content);
        Assert.Equal("This post first appeared on {site} at {link}.", partner.Attribution);
        Assert.Equal([new("utm_source", "customerthink"), new("utm_medium", "syndication")], partner.LinkParameters.ToArray());
    }

    [Fact]
    public void An_empty_definition_takes_every_default()
    {
        var (definition, problems) = Read("{}");

        Assert.Empty(problems);
        Assert.Equal(FeedDefinition.Default("posts"), definition);
        Assert.Equal(10, definition!.ItemsPerPage);
        Assert.Equal(FeedFormats.All, definition.Formats.ToArray());
        Assert.Equal(ExcerptBudget.Default, definition.ExcerptBudget);
    }

    [Fact]
    public void Every_field_is_read()
    {
        var (definition, problems) = Read("""
            {
              // Comments and trailing commas are allowed: people edit these files.
              "title": "CX Strategy for partners",
              "description": "Strategy posts",
              "posts": { "categories": ["CX Strategy"], "tags": ["ROI", "metrics"], "authors": ["Jim Tincher"] },
              "content": "full",
              "excerpt": { "characters": 300 },
              "itemsPerPage": 25,
              "formats": ["atom", "rss"],
              "attribution": "First on {site}: {title} by {author}, {link}",
              "linkParameters": { "utm_source": "partner", "ref": "feed" },
            }
            """, "strategy");

        Assert.Empty(problems);
        Assert.Equal("CX Strategy for partners", definition!.Title);
        Assert.Equal("Strategy posts", definition.Description);
        Assert.Equal(["CX Strategy"], definition.Posts.Categories.ToArray());
        Assert.Equal(["ROI", "metrics"], definition.Posts.Tags.ToArray());
        Assert.Equal(["Jim Tincher"], definition.Posts.Authors.ToArray());
        Assert.Equal(FeedContent.Full, definition.Content);
        Assert.Equal(new ExcerptBudget(300, ExcerptUnit.Characters), definition.ExcerptBudget);
        Assert.Equal(25, definition.ItemsPerPage);
        Assert.Equal([FeedFormat.Atom, FeedFormat.Rss], definition.Formats.ToArray());
        Assert.Equal([new("utm_source", "partner"), new("ref", "feed")], definition.LinkParameters.ToArray());
    }

    [Theory]
    [InlineData("""{"formats": ["rss", "rdf"]}""", "feeds/posts.json: formats[1]: 'rdf' is not one of rss, atom, json")]
    [InlineData("""{"formats": ["rss", "rss"]}""", "feeds/posts.json: formats[1]: 'rss' is listed twice")]
    [InlineData("""{"formats": []}""", "feeds/posts.json: formats: must name at least one format")]
    [InlineData("""{"content": "summary"}""", "feeds/posts.json: content: 'summary' is not one of excerpt, full")]
    [InlineData("""{"itemsPerPage": 0}""", "feeds/posts.json: itemsPerPage: must be a whole number from 1 to 10000")]
    [InlineData("""{"itemsPerPage": "10"}""", "feeds/posts.json: itemsPerPage: must be a whole number from 1 to 10000")]
    [InlineData("""{"excerpt": {"sentences": 2}}""", "feeds/posts.json: excerpt.sentences: is not one of words, characters")]
    [InlineData("""{"excerpt": 55}""", "feeds/posts.json: excerpt: must be {\"words\": N} or {\"characters\": N}")]
    [InlineData("""{"posts": {"category": ["B2B"]}}""", "feeds/posts.json: posts.category: is not one of categories, tags, authors")]
    [InlineData("""{"posts": {"tags": ["B2B", ""]}}""", "feeds/posts.json: posts.tags[1]: must be a text that is not empty")]
    [InlineData("""{"posts": "some"}""", "feeds/posts.json: posts: must be \"all\" or an object with categories, tags and/or authors")]
    [InlineData("""{"attribution": "From {blog}"}""", "feeds/posts.json: attribution: '{blog}' is not one of {site}, {link}, {title}, {author}")]
    [InlineData("""{"linkParameters": "utm_source=x"}""", "feeds/posts.json: linkParameters: must be an object of parameter names and values, e.g. {\"utm_source\": \"partner\"}")]
    [InlineData("""{"title": ""}""", "feeds/posts.json: title: must be a text that is not empty")]
    [InlineData("""{"tittle": "Posts"}""", "feeds/posts.json: tittle: is not a field of a feed definition (title, description, posts, content, excerpt, itemsPerPage, formats, attribution, linkParameters, access, partners)")]
    [InlineData("""{"access": "private"}""", "feeds/posts.json: access: 'private' is not one of public, partner")]
    [InlineData("""{"access": "partner"}""", "feeds/posts.json: partners: a feed with \"access\": \"partner\" must name its partners, e.g. [\"customerthink\"]")]
    [InlineData("""{"access": "partner", "partners": []}""", "feeds/posts.json: partners: must name at least one partner")]
    [InlineData("""{"access": "partner", "partners": ["CustomerThink"]}""", "feeds/posts.json: partners[0]: 'CustomerThink' is not a partner name: lower-case letters, digits and '-' (as under CxFeed:Access:Partners)")]
    [InlineData("""{"access": "partner", "partners": ["a", "a"]}""", "feeds/posts.json: partners[1]: 'a' is listed twice")]
    [InlineData("""{"partners": ["customerthink"]}""", "feeds/posts.json: partners: only a feed with \"access\": \"partner\" has partners")]
    [InlineData("""["rss"]""", "feeds/posts.json: must be a JSON object")]
    public void A_mistake_is_reported_with_the_file_and_the_field(string json, string problem)
    {
        var (definition, problems) = Read(json);

        Assert.Null(definition);
        Assert.Equal([problem], problems);
    }

    [Fact]
    public void A_partner_feed_names_its_partners()
    {
        var (definition, problems) = Read("""{"access": "partner", "partners": ["customerthink", "acme"]}""");

        Assert.Empty(problems);
        Assert.Equal(FeedAccess.Partner, definition!.Access);
        Assert.False(definition.IsPublic);
        Assert.Equal(["customerthink", "acme"], definition.Partners.ToArray());
        Assert.True(Read("{}").Definition!.IsPublic);
    }

    [Fact]
    public void Broken_json_is_reported_with_the_file()
    {
        var (definition, problems) = Read("""{"title": "Posts",""" + "\n" + """ "formats": [rss]}""");

        Assert.Null(definition);
        Assert.StartsWith("feeds/posts.json: is not JSON: ", Assert.Single(problems));
    }

    // Found by fuzzing (tests/CxFeed.Fuzz, target feed): a byte that is not UTF-8 inside a string
    // passed the JSON parser and then threw out of the reader when the field was read.
    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x3A, 0x20, 0x22, 0x50, 0x6F, 0x73, 0x74, 0x73, 0xFF, 0x22, 0x7D }, 16, "FF")] // {"title": "Posts\xFF"}
    [InlineData(new byte[] { 0x7B, 0x22, 0x74, 0x69, 0x74, 0x86, 0x65, 0x22, 0x3A, 0x20, 0x22, 0x50, 0x22, 0x7D }, 5, "86")] // {"tit\x86e": "P"}
    [InlineData(new byte[] { 0x7B, 0x22, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x22, 0x3A, 0x20, 0x22, 0x43, 0x61, 0x66, 0xE9, 0x22, 0x7D }, 14, "E9")] // {"title": "Caf\xE9"}: saved as Latin-1
    public void A_file_that_is_not_utf8_is_refused_naming_the_byte(byte[] json, int offset, string hex)
    {
        var (definition, problems) = FeedDefinitionReader.Read("posts", "feeds/posts.json", json);

        Assert.Null(definition);
        Assert.Equal([$"feeds/posts.json: is not UTF-8 text: the byte at offset {offset} (0x{hex}) begins no UTF-8 character; save the file as UTF-8"], problems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void A_file_name_that_cannot_be_an_address_is_refused()
    {
        var (definition, problems) = Read("{}", "Posts Feed");

        Assert.Null(definition);
        Assert.Equal(["feeds/Posts Feed.json: 'Posts Feed' is not a feed name: lower-case letters, digits and '-' (it is the feed's address)"], problems);
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_is_a_problem_naming_it()
    {
        var set = await FeedDefinitionReader.ReadFolderAsync("no/such/feeds");

        Assert.Equal(["no/such/feeds: is not a folder of feed definitions"], set.Problems.Select(problem => problem.ToString()));
    }
}
