namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// A file in the blog's media library (an export's <c>attachment</c> item): what a featured image,
/// a gallery or a playlist needs of it. <paramref name="ParentId"/> is the post it was uploaded to
/// (0 for none): a <c>[gallery]</c> without ids shows its post's attached images.
/// </summary>
/// <param name="Caption">The attachment's caption (its excerpt), HTML as written; null when empty.</param>
public sealed record WordPressAttachment(
    long Id,
    Uri Url,
    string Title,
    string? Caption,
    string? Alt,
    int? Width,
    int? Height,
    string? MediaType,
    long ParentId,
    int MenuOrder)
{
    public bool IsImage => MediaType?.StartsWith("image/", StringComparison.Ordinal) == true;

    public bool IsAudio => MediaType?.StartsWith("audio/", StringComparison.Ordinal) == true;

    public bool IsVideo => MediaType?.StartsWith("video/", StringComparison.Ordinal) == true;

    /// <summary>The media type a file's extension names (WordPress keeps the type in the database, not in the export).</summary>
    public static string? MediaTypeOf(Uri url)
    {
        var extension = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        return extension switch
        {
            ".jpg" or ".jpeg" or ".jpe" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".avif" => "image/avif",
            ".svg" => "image/svg+xml",
            ".bmp" => "image/bmp",
            ".ico" => "image/x-icon",
            ".mp3" or ".m4a" => extension == ".mp3" ? "audio/mpeg" : "audio/mp4",
            ".ogg" or ".oga" => "audio/ogg",
            ".wav" => "audio/wav",
            ".flac" => "audio/flac",
            ".mp4" or ".m4v" => "video/mp4",
            ".webm" => "video/webm",
            ".ogv" => "video/ogg",
            ".mov" => "video/quicktime",
            ".pdf" => "application/pdf",
            _ => null,
        };
    }
}

/// <summary>The media library of an export: attachments by id, and by the post they were uploaded to.</summary>
public sealed class MediaLibrary
{
    public static readonly MediaLibrary Empty = new([]);

    private readonly Dictionary<long, WordPressAttachment> _byId;
    private readonly ILookup<long, WordPressAttachment> _byParent;

    public MediaLibrary(IEnumerable<WordPressAttachment> attachments)
    {
        _byId = [];
        foreach (var attachment in attachments)
            _byId[attachment.Id] = attachment;
        // WordPress's gallery order when none is given: menu order, then id.
        _byParent = _byId.Values.OrderBy(item => item.MenuOrder).ThenBy(item => item.Id).ToLookup(item => item.ParentId);
    }

    public WordPressAttachment? Find(long id) => _byId.GetValueOrDefault(id);

    /// <summary>The attachments uploaded to a post, in menu order then id.</summary>
    public IEnumerable<WordPressAttachment> ChildrenOf(long postId) => _byParent[postId];
}
