using System.Text.RegularExpressions;
using CxFeed.Core.Html;

namespace CxFeed.Core.Content;

/// <summary>
/// Authors' names as pages write them, made names: the byline's words taken off ("By", "Posted
/// by", "View all posts by", "Written by", "Von", "Par", "Por", "Di", "Door", "Av", "Przez",
/// "Author:"…), a date or a role after the name cut off ("Jim Tincher on March 3, 2021",
/// "Jim Tincher | CEO"), several authors in one text split in order ("Jim Tincher and Nicole
/// Newton", "A, B &amp; C", in the same languages). What is not a name is dropped: a URL, the site's
/// own name, and text too long to be a name (an author's biography).
/// </summary>
internal static partial class AuthorNames
{
    /// <summary>Longer than this many words, it is a sentence about the author, not a name.</summary>
    private const int MaxWords = 6;

    private const int MaxLength = 70;

    public static IEnumerable<string> Clean(string written, IReadOnlyCollection<string> siteNames)
    {
        var text = HtmlSource.CollapseWhitespace(written);
        if (text.Length == 0 || Settings.IsHttpUrl(text))
            yield break;
        if (ByWord().Match(text) is { Success: true } by)
            text = text[(by.Index + by.Length)..];
        else
            text = Label().Replace(text, "");
        // A handle after the name ("Julia Horowitz @juliakhorowitz") is not part of it.
        if (text.IndexOf('@', StringComparison.Ordinal) is > 0 and var handle)
            text = text[..handle];
        if (WrittenDate.IndexOf(text) is > 0 and var dateAt)
            text = text[..dateAt];
        text = Role().Split(text)[0];
        text = Connector().Replace(text.Trim(Punctuation), "");
        foreach (var part in Split(text, siteNames))
        {
            var name = part.Trim().Trim(Punctuation);
            if (name.Length == 0 || name.Length > MaxLength || name.Split(' ').Length > MaxWords || !name.Any(char.IsLetter)
                || Settings.IsHttpUrl(name) || siteNames.Contains(name, StringComparer.OrdinalIgnoreCase) || IsNotAPerson(name))
            {
                continue;
            }
            yield return name;
        }
    }

    /// <summary>
    /// What bylines put where a person's name goes, or beside it after a comma: a company, the
    /// publication or the desk ("The Associated Press", "GQ Magazine", "Northeast Ohio Media
    /// Group", "Us Weekly Staff"), a role ("Executive Editor", "CH Contributor"), an acronym
    /// standing for the publication ("TIME", "ASCII"), or a byline's own word left alone ("By",
    /// "Author", the links "Posts" and "Bio" beside the name).
    /// </summary>
    public static bool IsNotAPerson(string name) =>
        Company().IsMatch(name) || Publisher().IsMatch(name) || Acronym().IsMatch(name)
        || BylineWords.Contains(name.TrimEnd('.'), StringComparer.OrdinalIgnoreCase);

    /// <summary>A byline's words left alone when the name is elsewhere on the page.</summary>
    private static readonly string[] BylineWords = ["by", "von", "par", "por", "door", "av", "przez", "od", "author", "authors", "posted by", "written by", "posts", "bio", "profile"];

    private static readonly char[] Punctuation = [' ', ',', ';', ':', '|', '·', '•', '-', '–', '—', '/', '(', ')', '\u00A0'];

    /// <summary>
    /// Several names in one text: split at "and" (in the usual languages) and "&amp;", and at
    /// commas. A comma between two single words is a name written last name first ("Gillman,
    /// Steve" is Steve Gillman); a part that is the site's name is the publisher ("Stephen
    /// Collinson, CNN").
    /// </summary>
    private static IEnumerable<string> Split(string text, IReadOnlyCollection<string> siteNames)
    {
        foreach (var part in Conjunction().Split(text))
        {
            var pieces = part.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(piece => !siteNames.Contains(piece, StringComparer.OrdinalIgnoreCase))
                .ToList();
            if (pieces is [var last, var first] && !last.Contains(' ', StringComparison.Ordinal) && !first.Contains(' ', StringComparison.Ordinal))
            {
                yield return first + " " + last;
                continue;
            }
            foreach (var piece in pieces)
                yield return piece;
        }
    }

    /// <summary>A company, not a person: "mediagene Inc.", "Acme LLC", "Example GmbH".</summary>
    [GeneratedRegex(@"(?:^|\s)(?:inc\.?|llc|ltd\.?|gmbh|s\.?a\.?|corp\.?|co\.|limited|k\.k\.)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Company();

    /// <summary>
    /// A publication, a desk or a role rather than a person: "The …" (English names of people do
    /// not start with the article), or a word of the trade anywhere in it.
    /// </summary>
    [GeneratedRegex(@"^the\s|\b(?:editors?|editorial|writers?|reporters?|correspondents?|contributors?|contributing|columnists?|staff|producers?|media|group|news|newsroom|magazine|press|desk|bureau|team|agency|wire|network|services|webmaster|administrator|admin)\b|\w\.(?:com|net|org|co\.uk|co|io)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Publisher();

    /// <summary>One word in capitals ("TIME", "CNN", "ASCII"): a publication's initials or logo, not a person's name.</summary>
    [GeneratedRegex(@"^\p{Lu}{2,}\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Acronym();

    /// <summary>
    /// The word before a byline's name: "by" anywhere in it ("Posted on March 3 by", "View all
    /// posts by", a "By" glued to the name: "ByTravis Haney"), the other languages' at its start
    /// only ("Von", "Par", "Por", "Door", "Av", "Przez"), since "von" and "de" are also parts of names.
    /// </summary>
    [GeneratedRegex(
        @"(?:^|(?<=[\s|,(]))(?:by\s*:?\s+|(?-i:By|BY)(?=\p{Lu}\p{Ll}|by\s))(?:by\s+)?"
        + @"|^(?:(?:ein\s+beitrag|geschrieben|verfasst|écrit|ecrit|publié|publie|rédigé|escrito|publicado|scritto|pubblicato|geschreven|skrevet|skriven)\s+)?(?:von|par|por|door|av|przez|od)\s*:?\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByWord();

    /// <summary>A label before the name: "Author:", "Autor:", "Auteur :", Italian and Portuguese "di", "da", Japanese "著者：", "文●".</summary>
    [GeneratedRegex(@"^(?:(?:authors?|autor(?:in|es)?|auteurs?|autore|autori|written|posted|escrito|scritto)\s*:\s*|(?:di|da)\s+(?=\p{Lu})|(?:著者|作者|記者|文)\s*[：:●/／]\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"\s+(?:and|und|et|y|e|en|og|och|и)\s+|\s*&\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conjunction();

    /// <summary>What follows a name in a byline: a separator then a role or a count ("| CEO", " — 4 min read", " - Staff writer").</summary>
    [GeneratedRegex(@"\s+(?:[|·•—–/／]|-\s)|\s*\n|／", RegexOptions.CultureInvariant)]
    private static partial Regex Role();

    /// <summary>The word left before a date that was cut off ("Jim Tincher on", "am", "le", "el", "il", "op", "em").</summary>
    [GeneratedRegex(@"\s+(?:on|am|le|el|il|op|em|at|à|den|dnia|posted|published)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connector();
}
