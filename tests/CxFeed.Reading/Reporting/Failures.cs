using System.Globalization;
using System.Text;
using CxFeed.Reading.Scoring;

namespace CxFeed.Reading.Reporting;

/// <summary>
/// Every page a reader got wrong in some column, one line each, tab-separated: the reader, the
/// page, the columns it failed and why — so whoever works on a reader sees which pages to fix.
/// </summary>
public static class Failures
{
    public static string Write(IEnumerable<ReaderResult> results)
    {
        var tsv = new StringBuilder("reader\tpage\tfailed\twhy\n");
        foreach (var result in results)
        {
            foreach (var page in result.Pages)
            {
                var failed = new List<string>();
                if (page.Published == false) failed.Add("published");
                if (page.Title == false) failed.Add("title");
                if (page.Date == false) failed.Add("date");
                if (page.Authors == false) failed.Add("author");
                if (page.Body == false) failed.Add("body");
                if (page.Excerpt == false) failed.Add("excerpt");
                if (failed.Count > 0)
                    tsv.Append(CultureInfo.InvariantCulture, $"{result.Reader}\t{page.Page}\t{string.Join(',', failed)}\t{Clean(page.Why)}\n");
            }
        }
        return tsv.ToString();
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
