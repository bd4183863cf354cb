using System.Text;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// The lines a page prints above a post's first paragraph that are not the post's prose, as a
/// reader skims past them: a byline ("By Jane Doe", "Craig Buckler"), a date or time, a reading
/// time ("10 min read"), a kicker, the row a share bar leaves ("Tweet Subscribe"), a subtitle,
/// an image's credit ("Image by Getty Images", "iStockphoto", "Image source: Getty Images.") or
/// its caption repeating the image's alt text. Once the cleaner has dropped the classes that named them, they are known by
/// their shape: before the excerpt's first word, a block of a few words that ends no sentence, a
/// heading, a block repeating the alt text of the image just above it or, just below an image, a
/// few words naming its source — and
/// only when a paragraph of prose follows within a few blocks, so a post of short lines (a poem,
/// a list) keeps its start. docs/excerpts.md, "Lines before the first paragraph".
/// </summary>
internal sealed class LeadIn
{
    /// <summary>A block with fewer words than this may be a line above the post (a byline, a date, a kicker); numbers do not count ("December 6, 2016 — 6:22 PM EST" is four words).</summary>
    public const int ShortWords = 12;

    /// <summary>A block with at least this many words is a paragraph of prose: the post has started.</summary>
    public const int ProseWords = 12;

    /// <summary>A heading with fewer words than this above the first paragraph is a subtitle or section name.</summary>
    private const int HeadingWords = 25;

    /// <summary>At most this many words are skipped: past them, the start is the post's own however it reads.</summary>
    private const int MaxSkippedWords = 80;

    /// <summary>
    /// How many blocks of words may stand above the first paragraph of prose: a byline, a date
    /// and a share row take a few; more is the post's own (a table of specifications, a list).
    /// </summary>
    private const int LookAheadBlocks = 8;

    /// <summary>Nodes read of one block: a block with more is no line above the post.</summary>
    private const int MaxNodes = 200;

    /// <summary>Letters of an alt text a caption must repeat to be taken for the image's caption.</summary>
    private const int CaptionKeyLetters = 24;

    private int _skippedWords;
    private string? _altKey;
    private bool _afterImage;

    /// <summary>Forgets what a previous walk saw.</summary>
    public void Reset()
    {
        _skippedWords = 0;
        _altKey = null;
        _afterImage = false;
    }

    /// <summary>
    /// Whether <paramref name="block"/>, met before the excerpt's first word, is a line above the
    /// post to leave out; null when a prefix of the document cannot tell yet. Blocks that hold
    /// other blocks are not judged (false): their own blocks are, one by one.
    /// </summary>
    public bool? Skips(MarkupNode block, ExcerptDocument document)
    {
        if (Measure(block) is not { } line)
            return false;
        if (document.IsOpenAtEnd(block))
            return null;
        if (line.Words == 0)
        {
            // An image alone in its block: what follows may be its caption.
            _altKey = line.AltKey ?? _altKey;
            _afterImage = true;
            return false;
        }
        var afterImage = _afterImage;
        _afterImage = false;
        var isLeadIn = (block.Is(ExcerptRole.TitleBlock) && block.Name != "p" && line.Words < HeadingWords)
            || (line.LetterWords < ShortWords && (!line.EndsSentence || (afterImage && line.NamesASource)))
            || RepeatsAlt(line.Key);
        if (!isLeadIn || _skippedWords + line.Words > MaxSkippedWords)
            return false;
        if (ProseFollows(block, document) is not { } follows)
            return null;
        if (!follows)
            return false;
        _skippedWords += line.Words;
        _altKey = line.AltKey ?? _altKey;
        return true;
    }

    private bool RepeatsAlt(string key) =>
        _altKey is { Length: >= CaptionKeyLetters } alt && key.StartsWith(alt[..CaptionKeyLetters], StringComparison.Ordinal);

    // Whether a paragraph of prose comes within the next few blocks; null when the prefix ends first.
    private static bool? ProseFollows(MarkupNode block, ExcerptDocument document)
    {
        var blocks = 1;
        var node = block.NextSkippingChildren(document.Root);
        while (node is not null)
        {
            if (!node.IsElement || node.Is(ExcerptRole.Inline))
            {
                node = node.Next(document.Root);
                continue;
            }
            if (node.Is(ExcerptRole.Silent) || node.Name == "figure")
            {
                node = node.NextSkippingChildren(document.Root);
                continue;
            }
            if (Measure(node) is not { } line)
            {
                node = node.Next(document.Root);
                continue;
            }
            if (document.IsOpenAtEnd(node))
                return null;
            if (line.Words >= ProseWords && (node.Name is "p" or "div" or "blockquote" or "li" or "td" or "dd"))
                return true;
            if (line.Words > 0 && ++blocks >= LookAheadBlocks)
                return false;
            node = node.NextSkippingChildren(document.Root);
        }
        return document.IsTruncated ? null : false;
    }

    /// <summary>What a block that holds no other block says; null for a block that holds blocks, or too many nodes.</summary>
    private static Line? Measure(MarkupNode block)
    {
        if (block.Is(ExcerptRole.Inline) || block.Is(ExcerptRole.Silent))
            return null;
        var text = new StringBuilder();
        string? altKey = null;
        var nodes = 0;
        var node = block.FirstChild;
        while (node is not null)
        {
            if (++nodes > MaxNodes)
                return null;
            if (node.Kind == MarkupNodeKind.Text)
            {
                text.Append(node.Text);
            }
            else if (node.IsElement)
            {
                if (node.Name == "img")
                {
                    altKey ??= node.AttributeValue("alt") is { } alt ? LetterKey.Of(System.Net.WebUtility.HtmlDecode(alt)) : "";
                }
                else if (node.Is(ExcerptRole.Silent))
                {
                    node = node.NextSkippingChildren(block);
                    continue;
                }
                else if (!node.Is(ExcerptRole.Inline) && !node.Is(ExcerptRole.Void))
                {
                    return null;
                }
                else if (node.Is(ExcerptRole.Void))
                {
                    text.Append(' ');
                }
            }
            node = node.Next(block);
        }
        var value = text.ToString().Trim();
        var (words, letterWords) = CountWords(value);
        return new Line(words, letterWords, EndsSentence(value), NamesASource(value), LetterKey.Of(value), altKey);
    }

    /// <summary>
    /// Whether a short line reads as an image's credit written as a sentence ("Image source: Getty
    /// Images.", "Photo: Jane Doe/Reuters.", "© 2016 AP."): a label and a colon in its first three
    /// words, a slash between two names, or a copyright sign. Judged only just below an image.
    /// </summary>
    private static bool NamesASource(string text)
    {
        if (text.Contains('©'))
            return true;
        var colon = text.IndexOf(':');
        if (colon > 0 && CountWords(text[..colon]).Words is > 0 and <= 3)
            return true;
        var slash = text.IndexOf('/');
        return slash > 0 && slash < text.Length - 1 && char.IsLetter(text[slash - 1]) && char.IsLetter(text[slash + 1]);
    }

    /// <summary>
    /// Words as a reader counts them: runs between white space that say something; in a script
    /// written without spaces, a word per two characters. Also those of them that hold a letter.
    /// </summary>
    private static (int Words, int LetterWords) CountWords(string text)
    {
        int words = 0, letterWords = 0, spaceless = 0;
        bool inWord = false, hasLetter = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || SpacelessScripts.StartsWith(text.AsSpan(i)))
            {
                if (!char.IsWhiteSpace(c))
                    spaceless++;
                EndWord();
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                words += inWord ? 0 : 1;
                inWord = true;
                hasLetter |= char.IsLetter(c);
            }
        }
        EndWord();
        return (words + spaceless / 2, letterWords + spaceless / 2);

        void EndWord()
        {
            letterWords += hasLetter ? 1 : 0;
            (inWord, hasLetter) = (false, false);
        }
    }

    /// <summary>Whether the text's last mark ends a sentence, past closing quotes and brackets, and emoji or symbols after it ("Hi everyone! 👋").</summary>
    private static bool EndsSentence(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && (ExcerptPolicy.Closers.Contains(text[end]) || char.IsWhiteSpace(text[end]) || char.IsSurrogate(text[end]) || char.IsSymbol(text[end]) || text[end] == '\uFE0F'))
            end--;
        return end >= 0 && ExcerptPolicy.SentenceEnds.Contains(text[end]);
    }

    /// <param name="NamesASource">The line reads as an image's credit (<see cref="NamesASource(string)"/>).</param>
    private readonly record struct Line(int Words, int LetterWords, bool EndsSentence, bool NamesASource, string Key, string? AltKey);
}
