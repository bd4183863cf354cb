using System.Text;
using CxFeed.Core.Cleaning;

namespace CxFeed.Fuzz.Targets;

/// <summary>
/// The cleaner (<see cref="HtmlCleaner"/>) on any text: its output is well-formed XML inside one
/// root with only XML 1.0 characters, and cleaning it again changes nothing.
/// </summary>
public sealed class CleanTarget : FuzzTarget
{
    public static readonly Uri Base = new("https://blog.example/2024/05/a-post/");

    private static readonly HtmlCleaner Cleaner = new();

    public override string Name => "clean";

    public override void Check(byte[] input)
    {
        var once = Cleaner.Clean(Encoding.UTF8.GetString(input), Base).Html;
        Markup.RequireWellFormed(once, "the cleaned HTML");
        var twice = Cleaner.Clean(once, Base).Html;
        if (twice != once)
        {
            var at = once.AsSpan().CommonPrefixLength(twice);
            var from = Math.Max(0, at - 60);
            throw new PropertyFailure($"cleaning twice differs from cleaning once at {at}:\n--- once\n…{Around(once, from)}\n--- twice\n…{Around(twice, from)}");
        }
    }

    private static string Around(string text, int from) => text.Substring(from, Math.Min(160, text.Length - from));
}
