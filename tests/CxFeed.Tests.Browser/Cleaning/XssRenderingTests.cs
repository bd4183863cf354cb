using CxFeed.Cli;

namespace CxFeed.Tests.Browser.Cleaning;

/// <summary>
/// Each vector is cleaned by <c>cxfeed clean</c> (in-process) against the reader's own origin,
/// then rendered in headless Chromium as a feed reader shows an item, and every element is
/// focused, hovered, clicked and sent every event. Nothing may run, leak or navigate.
/// </summary>
public sealed class XssRenderingTests(ReaderBrowser browser) : IClassFixture<ReaderBrowser>
{
    public static IEnumerable<object[]> Vectors() => XssVectors.All.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    [ChromiumTheory]
    [MemberData(nameof(Vectors))]
    public async Task A_cleaned_vector_runs_no_script_and_leaks_nothing(string vector)
    {
        var signals = await CleanAndRenderAsync($"/vectors/{vector}/", XssVectors.All[vector]);

        Assert.Empty(signals);
    }

    [ChromiumTheory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<img src=\"https://evil.example/x.png\">")]
    public async Task The_instrumentation_catches_what_it_is_there_to_catch(string raw)
    {
        // The same page without cleaning: proves a vector that got through would fail the test.
        var signals = await browser.RenderAsync($"/uncleaned/{raw.GetHashCode():x}/", raw);

        Assert.NotEmpty(signals);
    }

    [CorpusTheory]
    [MemberData(nameof(HeldOutCorpus.Files), MemberType = typeof(HeldOutCorpus))]
    public async Task A_held_out_file_runs_no_script_and_leaks_nothing(string file)
    {
        var folder = Environment.GetEnvironmentVariable(HeldOutCorpus.Variable)!;
        // As `cxfeed clean < file` gets it: bytes, decoded by the page's own charset.
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, file));

        var signals = await CleanAndRenderAsync($"/corpus/{Uri.EscapeDataString(file)}/", bytes);

        Assert.Empty(signals);
    }

    private Task<IReadOnlyList<string>> CleanAndRenderAsync(string path, string html) =>
        CleanAndRenderAsync(path, System.Text.Encoding.UTF8.GetBytes(html));

    private async Task<IReadOnlyList<string>> CleanAndRenderAsync(string path, byte[] html)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await CommandLine.RunAsync(["clean", "--base", browser.Origin + path], new MemoryStream(html), output, error);
        Assert.Equal(ExitCode.Ok, exitCode);
        return await browser.RenderAsync(path, output.ToString());
    }
}
