using System.Text.Json;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Fuzz.Targets;

/// <summary>
/// The WordPress REST source's reading of <c>/wp/v2/posts</c> answers (<see cref="RestPost"/>):
/// JSON parsed as <see cref="WordPressApi"/> parses it (invalid JSON is refused there, before any
/// post is read), a list of posts or one post, each read, and each post taken stored and read
/// back. No exception escapes; a post left out says why; a post taken keeps the id it was read under.
/// </summary>
public sealed class RestPostTarget : FuzzTarget
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };
    private static readonly ApiRoot Api = new(new Uri("https://blog.example/wp-json/"), new Uri("https://blog.example/"), RestRoute: false);

    public override string Name => "rest";

    public override void Check(byte[] input)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input, JsonOptions);
        }
        catch (JsonException)
        {
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            foreach (var item in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : Enumerable.Repeat(root, 1))
            {
                var reading = RestPost.Read(item, Api);
                Require((reading.Post is null) != (reading.LeftOut is null), $"a post is either taken or left out with a reason: {reading}");
                if (reading.Post is not { } post)
                    continue;
                Require(post.Id == reading.Id, $"the post taken keeps its id: {post.Id} read as {reading.Id}");
                StoredPost.RequireReadBack(post);
            }
        }
    }
}
