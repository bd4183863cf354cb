using System.Text;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Excerpts;

namespace CxFeed.Fuzz.Targets;

/// <summary>
/// The excerpt builder on a cleaned body, as the feeds build it. The first byte chooses the
/// budget (below 128: 1–64 words; else 1–320 characters); the rest is the HTML, and the part
/// before a <c>&lt;!--more--&gt;</c> marker, when there is one, is the teaser. Properties, as
/// tests/CxFeed.Tests/Excerpts/ExcerptPropertyTests say: the excerpt is the start of the cleaned
/// text (a cut excerpt, without its ellipsis, begins the excerpt with no budget; an uncut one
/// equals it); the HTML form is well-formed inside one root; both forms hold only XML 1.0 characters.
/// </summary>
public sealed class ExcerptTarget : FuzzTarget
{
    private const string Title = "A post’s title";
    private const string MoreMarker = "<!--more-->";

    private static readonly HtmlCleaner Cleaner = new();
    private static readonly ExcerptBuilder Builder = new();
    private static readonly ExcerptBudget Unlimited = ExcerptBudget.Characters(int.MaxValue);

    public override string Name => "excerpt";

    public override void Check(byte[] input)
    {
        if (input.Length == 0)
            return;
        var budget = input[0] < 128 ? ExcerptBudget.Words(input[0] % 64 + 1) : ExcerptBudget.Characters((input[0] - 128) * 5 / 2 + 1);
        var html = Encoding.UTF8.GetString(input, 1, input.Length - 1);
        var more = html.IndexOf(MoreMarker, StringComparison.Ordinal);
        var teaser = more < 0 ? null : Cleaner.Clean(html[..more], CleanTarget.Base).Html;
        var source = new ExcerptSource(Title, CleanTarget.Base, Cleaner.Clean(html, CleanTarget.Base).Html, teaser);

        var excerpt = Builder.Build(source, budget);
        var whole = Builder.Build(source, Unlimited);
        var text = excerpt.Text.EndsWith('…') ? excerpt.Text[..^1] : excerpt.Text;
        Require(excerpt.IsCut ? whole.Text.StartsWith(text, StringComparison.Ordinal) : excerpt.Text == whole.Text,
            $"the excerpt is the start of the cleaned text:\n--- excerpt ({budget.Size} {budget.Unit})\n{excerpt.Text}\n--- whole\n{whole.Text}");
        Markup.RequireXmlText(excerpt.Text, "the excerpt's text");
        Markup.RequireWellFormed(excerpt.Html, "the excerpt's HTML");
    }
}
