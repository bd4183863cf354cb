using System.Xml;
using CxFeed.Core.Cleaning;

namespace CxFeed.Tests.Cleaning;

/// <summary>Cleans with the default policy against a post's address, checking every result is well-formed XML inside one root.</summary>
public static class Clean
{
    public static readonly Uri Post = new("https://www.heartofthecustomer.com/cx-needs-change-management/");

    private static readonly HtmlCleaner Cleaner = new();

    public static string Html(string input) => Report(input).Result.Html;

    public static CleaningReport Report(string input, HtmlCleaner? cleaner = null)
    {
        var report = (cleaner ?? Cleaner).Explain(input, Post);
        AssertPolyglot(report.Result.Html);
        var cleaned = (cleaner ?? Cleaner).Clean(input, Post);
        Assert.Equal(report.Result.Html, cleaned.Html);
        Assert.Equal(report.Result.Problems.ToArray(), cleaned.Problems.ToArray());
        return report;
    }

    /// <summary>The output parses as XML inside one root element.</summary>
    public static void AssertPolyglot(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true };
        using var reader = XmlReader.Create(new StringReader("<root>" + html + "</root>"), settings);
        while (reader.Read())
        {
        }
    }
}
