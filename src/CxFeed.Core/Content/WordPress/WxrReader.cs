using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// Reads a WordPress export (WXR: the file Tools → Export writes), or a folder of the files a large
/// export is split into (<c>*.xml</c>, in ordinal order of their names), as a stream: a 200 MB
/// export is read in bounded memory. Two passes over the files: the first keeps only the channel
/// (the blog's address, the authors) and the media library (attachments are usually written after
/// the posts that use them); the second gives the published posts one by one, rendered as the blog
/// shows them (<see cref="WordPressContent"/>).
/// <para>
/// Published posts only: <c>wp:post_type</c> <c>post</c>, <c>wp:status</c> <c>publish</c>, no
/// <c>wp:post_password</c>. The XML is read with no DTD, no entity expansion and no resolver: an
/// export that declares a DTD is refused, never expanded. A character XML forbids or a file cut
/// short stops that file with a problem naming where; the posts read before it are kept.
/// </para>
/// docs/sources.md describes it for people.
/// </summary>
public sealed class WxrReader(TimeZoneInfo siteTimeZone)
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    private const string ExportNamespacePrefix = "http://wordpress.org/export/";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CheckCharacters = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersFromEntities = 0,
        CloseInput = true,
    };

    /// <summary>The export files at <paramref name="path"/>: the file itself, or the folder's <c>*.xml</c> files in ordinal order.</summary>
    public static IReadOnlyList<string> FilesAt(string path)
    {
        if (File.Exists(path))
            return [Path.GetFullPath(path)];
        return Directory.EnumerateFiles(path, "*.xml", new EnumerationOptions { RecurseSubdirectories = false, MatchCasing = MatchCasing.CaseInsensitive })
            .Where(file => !Path.GetFileName(file).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(Path.GetFullPath)
            .ToList();
    }

    /// <summary>Every published post of the export at <paramref name="path"/> (a file or a folder), and every problem, in file order.</summary>
    public IEnumerable<WxrItem> Read(string path, CancellationToken cancellationToken = default)
    {
        var files = FilesAt(path);
        var channel = new Channel();
        foreach (var file in files)
        {
            // The first pass yields nothing; running it through is what fills the channel and the media library.
            foreach (var _ in ReadFile(file, channel, pass: null, cancellationToken))
            {
            }
        }
        var media = new MediaLibrary(channel.Attachments);
        channel.Attachments.Clear();
        foreach (var file in files)
        {
            var pass = new PostPass(this, channel, media, Path.GetFileName(file));
            foreach (var item in ReadFile(file, channel, pass, cancellationToken))
                yield return item;
        }
    }

    /// <summary>
    /// One pass over one file. Without <paramref name="pass"/> it only fills the channel and the
    /// media library and says nothing (the second pass reports); with it, it yields the posts.
    /// </summary>
    private static IEnumerable<WxrItem> ReadFile(string file, Channel channel, PostPass? pass, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        var (xml, openError) = Open(file);
        if (xml is null)
        {
            if (pass is not null)
                yield return Fail(name, WxrReasons.Unreadable(openError!));
            yield break;
        }
        using (xml)
        {
            channel.SawChannel = false;
            var fields = new ItemFields();
            var kept = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string? stopped = null;
                var isItem = false;
                try
                {
                    isItem = NextItem(xml, channel, fields, pass is null);
                    if (!isItem && !channel.SawChannel)
                        stopped = WxrReasons.NotAnExport;
                }
                catch (XmlException error)
                {
                    stopped = channel.SawChannel || !DeclaresDoctype(file)
                        ? WxrReasons.StoppedReading(Sentence(error), Where(error, fields), kept)
                        : WxrReasons.Doctype;
                }
                if (stopped is not null)
                {
                    if (pass is not null)
                        yield return Fail(name, stopped);
                    yield break;
                }
                if (!isItem)
                    yield break;
                if (pass is null)
                {
                    if (fields.Type == "attachment" && fields.AttachmentOf() is { } attachment)
                        channel.Attachments.Add(attachment);
                }
                else if (pass.Post(fields) is { } item)
                {
                    if (item.Post is not null)
                        kept++;
                    yield return item;
                }
                fields.Clear();
            }
        }
    }

    private static (XmlReader? Reader, string? Error) Open(string file)
    {
        try
        {
            return (XmlReader.Create(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 65_536, FileOptions.SequentialScan), XmlSettings), null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (null, error.Message);
        }
    }

    /// <summary>
    /// Reads up to the end of the next <c>&lt;item&gt;</c> (filling <paramref name="fields"/>),
    /// taking the channel's own elements on the way; false at the end of the document.
    /// </summary>
    private static bool NextItem(XmlReader xml, Channel channel, ItemFields fields, bool skipContent)
    {
        while (true)
        {
            if (!xml.Read())
                return false;
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            switch (xml.Depth)
            {
                case 0 when xml.LocalName != "rss":
                case 1 when xml.LocalName != "channel":
                    return false;
                case 1:
                    channel.SawChannel = true;
                    continue;
                case 2 when xml.LocalName == "item" && xml.NamespaceURI.Length == 0:
                    if (!xml.IsEmptyElement)
                        ReadItem(xml, fields, skipContent);
                    return true;
                case 2:
                    ReadChannelElement(xml, channel);
                    continue;
            }
        }
    }

    private static void ReadChannelElement(XmlReader xml, Channel channel)
    {
        var ns = xml.NamespaceURI;
        if (ns.Length == 0 && xml.LocalName == "link")
        {
            channel.Link ??= Text(xml);
            return;
        }
        if (!IsExportNamespace(ns))
            return;
        switch (xml.LocalName)
        {
            case "base_blog_url":
                channel.BlogUrl ??= Text(xml);
                break;
            case "base_site_url":
                channel.SiteUrl ??= Text(xml);
                break;
            case "author" when !xml.IsEmptyElement:
                string? login = null, displayName = null;
                var depth = xml.Depth;
                while (xml.Read() && xml.Depth > depth)
                {
                    if (xml.NodeType != XmlNodeType.Element)
                        continue;
                    if (xml.LocalName == "author_login")
                        login = Text(xml);
                    else if (xml.LocalName == "author_display_name")
                        displayName = Text(xml);
                }
                if (!string.IsNullOrWhiteSpace(login))
                    channel.Authors.TryAdd(login.Trim(), string.IsNullOrWhiteSpace(displayName) ? login.Trim() : Decode(displayName));
                break;
        }
    }

    /// <summary>Reads an item's children into <paramref name="fields"/>; the reader ends on the item's end tag.</summary>
    private static void ReadItem(XmlReader xml, ItemFields fields, bool skipContent)
    {
        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            var ns = xml.NamespaceURI;
            var local = xml.LocalName;
            if (ns.Length == 0)
            {
                switch (local)
                {
                    case "title": fields.Title = Text(xml); break;
                    case "link": fields.Link = Text(xml); break;
                    case "category":
                        var domain = xml.GetAttribute("domain");
                        var slug = xml.GetAttribute("nicename");
                        fields.Terms.Add((domain ?? "category", slug, Text(xml)));
                        break;
                }
            }
            else if (ns == ContentNamespace && local == "encoded")
            {
                if (skipContent)
                    ToEndTag(xml);
                else
                    fields.Content = Text(xml);
            }
            else if (ns == DublinCoreNamespace && local == "creator")
            {
                fields.Creator = Text(xml);
            }
            else if (IsExportNamespace(ns))
            {
                if (ns.EndsWith("/excerpt/", StringComparison.Ordinal))
                {
                    if (local == "encoded")
                        fields.Excerpt = Text(xml);
                    continue;
                }
                switch (local)
                {
                    case "post_id": fields.Id = Text(xml); break;
                    case "post_date": fields.Date = Text(xml); break;
                    case "post_date_gmt": fields.DateGmt = Text(xml); break;
                    case "post_modified": fields.Modified = Text(xml); break;
                    case "post_modified_gmt": fields.ModifiedGmt = Text(xml); break;
                    case "status": fields.Status = Text(xml); break;
                    case "post_type": fields.Type = Text(xml); break;
                    case "post_password": fields.Password = Text(xml); break;
                    case "post_parent": fields.Parent = Text(xml); break;
                    case "menu_order": fields.MenuOrder = Text(xml); break;
                    case "attachment_url": fields.AttachmentUrl = Text(xml); break;
                    case "postmeta" when !xml.IsEmptyElement:
                        ReadMeta(xml, fields);
                        break;
                    case "comment":
                        ToEndTag(xml);
                        break;
                }
            }
        }
    }

    private static void ReadMeta(XmlReader xml, ItemFields fields)
    {
        string? key = null, value = null;
        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (xml.LocalName == "meta_key")
                key = Text(xml);
            else if (xml.LocalName == "meta_value")
                value = Text(xml);
        }
        if (key is "_thumbnail_id" or "_wp_attachment_image_alt" or "_wp_attachment_metadata" && value is not null)
            fields.Meta[key] = value;
    }

    /// <summary>An element's text (its CDATA sections joined: WordPress splits one around each <c>]]&gt;</c>); the reader ends on its end tag.</summary>
    private static string Text(XmlReader xml)
    {
        if (xml.IsEmptyElement)
            return "";
        var depth = xml.Depth;
        string? single = null;
        StringBuilder? joined = null;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace))
                continue;
            if (single is null)
                single = xml.Value;
            else
                (joined ??= new StringBuilder(single)).Append(xml.Value);
        }
        return joined?.ToString() ?? single ?? "";
    }

    /// <summary>Steps over an element without reading its text; the reader ends on its end tag.</summary>
    private static void ToEndTag(XmlReader xml)
    {
        if (xml.IsEmptyElement)
            return;
        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
        }
    }

    private static bool IsExportNamespace(string ns) => ns.StartsWith(ExportNamespacePrefix, StringComparison.Ordinal);

    private static WxrItem Fail(string subject, string reason) => new(null, [new Problem(subject, reason)]);

    /// <summary>Whether the file's prolog (before its first element) declares a DTD: read as bytes, never parsed.</summary>
    private static bool DeclaresDoctype(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var head = new byte[65_536];
            var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(head, 0, length);
            return text.Contains("<!DOCTYPE", StringComparison.Ordinal) || text.Contains("<!ENTITY", StringComparison.Ordinal)
                || Encoding.Unicode.GetString(head, 0, length).Contains("<!DOCTYPE", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The parser's message without its own position (the reason gives it once, in words).</summary>
    private static string Sentence(XmlException error)
    {
        var message = error.Message;
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.', ' ');
    }

    private static string Where(XmlException error, ItemFields fields)
    {
        var place = $"at line {error.LineNumber}, column {error.LinePosition}";
        if (fields.Id is { Length: > 0 } id)
            return $"{place}, in the item of post {id.Trim()}";
        if (fields.Title is { Length: > 0 } title)
            return $"{place}, in the item titled '{Decode(title)}'";
        return place;
    }

    /// <summary>HTML text as plain text: character references decoded, runs of whitespace one space, trimmed.</summary>
    private static string Decode(string text) => string.Join(' ', WebUtility.HtmlDecode(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What the export says of the blog as a whole, and the media library while the first pass gathers it.</summary>
    private sealed class Channel
    {
        /// <summary>Whether the file being read has shown its <c>&lt;channel&gt;</c> (set again for each file).</summary>
        public bool SawChannel { get; set; }

        public string? Link { get; set; }

        public string? BlogUrl { get; set; }

        public string? SiteUrl { get; set; }

        public Dictionary<string, string> Authors { get; } = new(StringComparer.Ordinal);

        public List<WordPressAttachment> Attachments { get; } = [];

        /// <summary>The blog's home, where <c>?p=ID</c> shortlinks live: the blog address, else the channel's link, else the site address.</summary>
        public Uri? Home =>
            new[] { BlogUrl, Link, SiteUrl }.Select(value => value?.Trim()).FirstOrDefault(Settings.IsHttpUrl) is { } home
                ? new Uri(home, UriKind.Absolute)
                : null;
    }

    /// <summary>The fields of one item as written, reused from item to item.</summary>
    private sealed class ItemFields
    {
        public string? Title, Link, Creator, Content, Excerpt, Id, Date, DateGmt, Modified, ModifiedGmt, Status, Type, Password, Parent, MenuOrder, AttachmentUrl;

        public List<(string Domain, string? Slug, string Name)> Terms { get; } = [];

        public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);

        public void Clear()
        {
            Title = Link = Creator = Content = Excerpt = Id = Date = DateGmt = Modified = ModifiedGmt = Status = Type = Password = Parent = MenuOrder = AttachmentUrl = null;
            Terms.Clear();
            Meta.Clear();
        }

        public long? IdNumber => long.TryParse(Id?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

        public WordPressAttachment? AttachmentOf()
        {
            if (IdNumber is not { } id || !Settings.IsHttpUrl(AttachmentUrl?.Trim()))
                return null;
            var url = new Uri(AttachmentUrl!.Trim(), UriKind.Absolute);
            var (width, height) = AttachmentMetadata.ReadSize(Meta.GetValueOrDefault("_wp_attachment_metadata"));
            var alt = Meta.GetValueOrDefault("_wp_attachment_image_alt") is { } text && !string.IsNullOrWhiteSpace(text) ? Decode(text) : null;
            return new WordPressAttachment(
                id,
                url,
                Decode(Title ?? ""),
                string.IsNullOrWhiteSpace(Excerpt) ? null : Excerpt.Trim(),
                alt,
                width,
                height,
                WordPressAttachment.MediaTypeOf(url),
                long.TryParse(Parent?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : 0,
                int.TryParse(MenuOrder?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var order) ? order : 0);
        }
    }

    /// <summary>The second pass over one file: items made into posts.</summary>
    private sealed class PostPass(WxrReader reader, Channel channel, MediaLibrary media, string file)
    {
        /// <summary>The published post of an item (or why it cannot be one); null for an item that is not a published post.</summary>
        public WxrItem? Post(ItemFields fields)
        {
            if (fields.Type?.Trim() != "post" || fields.Status?.Trim() != "publish" || !string.IsNullOrEmpty(fields.Password))
                return null;
            if (fields.IdNumber is not { } id)
                return Fail($"{file}, the item titled '{Decode(fields.Title ?? "")}'", WxrReasons.NoId);
            var subject = Subject(id.ToString(CultureInfo.InvariantCulture));
            var link = fields.Link?.Trim();
            if (!Settings.IsHttpUrl(link))
                return LeftOut(id, subject, WxrReasons.BadLink(link ?? ""));
            if (reader.DateOf(fields.Date, fields.DateGmt) is not { } published)
                return LeftOut(id, subject, WxrReasons.BadDate(fields.Date ?? "", fields.DateGmt ?? ""));
            if (channel.Home is not { } home)
                return LeftOut(id, subject, WxrReasons.NoHome);

            var warnings = ImmutableArray.CreateBuilder<Problem>();
            var modified = reader.DateOf(fields.Modified, fields.ModifiedGmt) is { } changed && changed >= published ? changed : (DateTimeOffset?)null;
            var post = new WordPressPost(
                Id: id,
                Link: new Uri(link!, UriKind.Absolute),
                Shortlink: new Uri(home.AbsoluteUri.TrimEnd('/') + "/?p=" + id.ToString(CultureInfo.InvariantCulture), UriKind.Absolute),
                Title: Decode(WordPressContent.RenderTitle(fields.Title ?? "")),
                Published: published,
                Modified: modified,
                Authors: Authors(fields.Creator, subject, warnings),
                Categories: Terms(fields, "category"),
                Tags: Terms(fields, "post_tag"),
                FeaturedImage: FeaturedImage(fields, subject, warnings),
                ManualExcerptHtml: string.IsNullOrWhiteSpace(fields.Excerpt) ? null : WordPressContent.RenderExcerpt(fields.Excerpt),
                ContentHtml: WordPressContent.Render(fields.Content ?? "", id, media));
            return new WxrItem(post, warnings.ToImmutable());
        }

        private static WxrItem LeftOut(long id, string subject, string reason) => new(null, [new Problem(subject, reason)], id);

        private string Subject(string? id) => $"{file}, post {id?.Trim()}";

        private ImmutableArray<string> Authors(string? creator, string subject, ImmutableArray<Problem>.Builder warnings)
        {
            var login = creator?.Trim();
            if (string.IsNullOrEmpty(login))
                return [];
            if (channel.Authors.TryGetValue(login, out var name))
                return [name];
            warnings.Add(new Problem(subject, WxrReasons.UnknownAuthor(login)));
            return [login];
        }

        private static ImmutableArray<WordPressTerm> Terms(ItemFields fields, string domain)
        {
            var terms = ImmutableArray.CreateBuilder<WordPressTerm>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (termDomain, slug, name) in fields.Terms)
            {
                var text = Decode(name);
                if (termDomain != domain || text.Length == 0)
                    continue;
                var termSlug = string.IsNullOrWhiteSpace(slug) ? text : slug.Trim();
                if (seen.Add(termSlug))
                    terms.Add(new WordPressTerm(text, termSlug));
            }
            return terms.ToImmutable();
        }

        private PostImage? FeaturedImage(ItemFields fields, string subject, ImmutableArray<Problem>.Builder warnings)
        {
            if (fields.Meta.GetValueOrDefault("_thumbnail_id")?.Trim() is not { Length: > 0 } thumbnail)
                return null;
            if (long.TryParse(thumbnail, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && media.Find(id) is { } image)
                return new PostImage(image.Url, image.Width, image.Height, image.MediaType, image.Alt);
            warnings.Add(new Problem(subject, WxrReasons.MissingThumbnail(thumbnail)));
            return null;
        }
    }

    /// <summary>
    /// The GMT date when the export has one; else (WordPress writes zeros for a post that was
    /// never given one, as some imports leave them) the local date in the site's time zone.
    /// </summary>
    private DateTimeOffset? DateOf(string? local, string? gmt)
    {
        gmt = gmt?.Trim();
        if (!string.IsNullOrEmpty(gmt) && gmt != "0000-00-00 00:00:00" && DateText.TryParse(gmt, TimeZoneInfo.Utc, out var utc))
            return TimeZoneInfo.ConvertTime(utc, siteTimeZone);
        local = local?.Trim();
        if (!string.IsNullOrEmpty(local) && local != "0000-00-00 00:00:00" && DateText.TryParse(local, siteTimeZone, out var inZone))
            return inZone;
        return null;
    }
}
