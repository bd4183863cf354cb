using CxFeed.Cli;
using CxFeed.Core.Content.WordPress;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Sources;

/// <summary><c>pull</c>, <c>check</c> and the settings of the WordPress source, through the command line.</summary>
public sealed class WordPressCommandTests : IAsyncLifetime
{
    private readonly FakeBlog _blog = new();
    private readonly TemporaryFolder _store = new();

    private string[] Settings(params string[] more) =>
    [
        "--CxFeed:Content:Source", "wordpress",
        "--CxFeed:Content:StorePath", _store.Path,
        "--CxFeed:Content:WordPress:BaseUrl", _blog.BaseUrl.AbsoluteUri,
        .. more,
    ];

    public Task InitializeAsync()
    {
        _blog.Posts.Add(FakeBlog.Post(4215, "2021: The Year of CX Data", new DateTime(2021, 1, 12, 15, 30, 0, DateTimeKind.Utc)));
        _blog.Posts.Add(FakeBlog.Post(4301, "Five Questions", new DateTime(2021, 2, 2, 14, 0, 0, DateTimeKind.Utc)));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Pull_prints_what_it_fetched_changed_and_removed()
    {
        var first = await Cxfeed.RunAsync(["pull", .. Settings()]);
        Assert.Equal(ExitCode.Ok, first.ExitCode);
        Assert.Matches(@"^2 fetched, 2 changed, 0 removed \(4 requests, [\d,]+ bytes\)\n$", first.Output);

        _blog.Posts.RemoveAt(0);
        var second = await Cxfeed.RunAsync(["pull", .. Settings()]);
        Assert.Matches(@"^0 fetched, 0 changed, 1 removed \(3 requests, [\d,]+ bytes\)\n$", second.Output);

        var check = await Cxfeed.RunAsync(["check", .. Settings()]);
        Assert.Equal(("1 post read, 0 problems\n", ExitCode.Ok), (check.Output, check.ExitCode));
    }

    [Fact]
    public async Task Pull_and_check_on_a_blog_that_is_down_keep_the_store_and_name_the_address()
    {
        await Cxfeed.RunAsync(["pull", .. Settings()]);
        _blog.Fault = request => request.Path.StartsWith("/wp-json/wp/v2/", StringComparison.Ordinal) ? FakeAnswer.Json("{}", 500) : null;

        var pull = await Cxfeed.RunAsync(["pull", .. Settings()]);
        Assert.Equal(ExitCode.ContentProblems, pull.ExitCode);
        Assert.StartsWith($"cxfeed pull: {_blog.BaseUrl}wp-json/wp/v2/posts?per_page=100&page=1", pull.Error, StringComparison.Ordinal);
        Assert.EndsWith(": answered 500 InternalServerError: the server failed; the store keeps what it had\n", pull.Error, StringComparison.Ordinal);

        var check = await Cxfeed.RunAsync(["check", .. Settings()]);
        Assert.Equal(ExitCode.ContentProblems, check.ExitCode);
        Assert.EndsWith("answered 500 InternalServerError: the server failed; checked what the store holds\n2 posts read, 1 problem\n", check.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--CxFeed:Content:Source", "blogger", "cxfeed: setting CxFeed:Content:Source: 'blogger' is not a source: use one of folder, wordpress, wxr, crawl\n")]
    [InlineData("--CxFeed:Content:WordPress:BaseUrl", "ftp://blog", "cxfeed: setting CxFeed:Content:WordPress:BaseUrl: 'ftp://blog' is not an absolute http(s) URL (the blog's address, as https://blog.example/)\n")]
    [InlineData("--CxFeed:Content:WordPress:PollInterval", "00:00:00", "cxfeed: setting CxFeed:Content:WordPress:PollInterval: '00:00:00' must be from 00:00:01 to 1.00:00:00\n")]
    [InlineData("--CxFeed:Content:WordPress:MaxConcurrency", "0", "cxfeed: setting CxFeed:Content:WordPress:MaxConcurrency: '0' must be from 1 to 16\n")]
    [InlineData("--CxFeed:Content:WordPress:Timeout", "01:00:00", "cxfeed: setting CxFeed:Content:WordPress:Timeout: '01:00:00' must be from 00:00:01 to 00:10:00\n")]
    [InlineData("--CxFeed:Content:WordPress:User", "jim", "cxfeed: setting CxFeed:Content:WordPress:User: 'jim' has no Application Password: set CXFEED_WORDPRESS_APPLICATION_PASSWORD or CxFeed:Content:WordPress:ApplicationPasswordFile\n")]
    public async Task A_bad_setting_stops_with_exit_2_naming_it(string setting, string value, string error)
    {
        var run = await Cxfeed.RunAsync(["pull", .. Settings(setting, value)]);

        Assert.Equal((error, ExitCode.Usage), (run.Error, run.ExitCode));
    }

    [Fact]
    public async Task A_password_file_inside_a_repository_is_refused_without_showing_the_password()
    {
        var inside = Path.Combine(Repository.Root, "tests", $"password-{Guid.NewGuid():N}.txt");
        File.WriteAllText(inside, "abcd efgh ijkl mnop");
        try
        {
            var run = await Cxfeed.RunAsync(["pull", .. Settings("--CxFeed:Content:WordPress:User", "jim", "--CxFeed:Content:WordPress:ApplicationPasswordFile", inside)]);

            Assert.Equal(ExitCode.Usage, run.ExitCode);
            Assert.Equal($"cxfeed: setting CxFeed:Content:WordPress:ApplicationPasswordFile: '{inside}' is inside the git repository {Repository.Root}: keep the password outside any repository\n", run.Error);
            Assert.DoesNotContain("abcd", run.Error + run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(inside);
        }
    }

    [Fact]
    public async Task The_Application_Password_goes_as_Basic_authentication_and_asks_for_the_edit_context()
    {
        var password = _store.Write("../" + Path.GetFileName(_store.Path) + "-password", "abcd efgh ijkl mnop\n"u8.ToArray());
        try
        {
            string? authorization = null;
            _blog.Fault = request =>
            {
                if (request.Query("include") is not null && request.Headers.TryGetValue("Authorization", out var value))
                    authorization = value + (request.Query("context") == "edit" ? " edit" : "");
                return null;
            };

            var run = await Cxfeed.RunAsync(["pull", .. Settings("--CxFeed:Content:WordPress:User", "jim", "--CxFeed:Content:WordPress:ApplicationPasswordFile", password)]);

            Assert.Equal(ExitCode.Ok, run.ExitCode);
            Assert.Equal("Basic " + Convert.ToBase64String("jim:abcd efgh ijkl mnop"u8.ToArray()) + " edit", authorization);
            Assert.DoesNotContain("abcd", run.Error + run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(password);
        }
    }

    [Fact]
    public async Task Pull_with_the_folder_source_says_which_setting_to_change()
    {
        var run = await Cxfeed.RunAsync("pull");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal($"cxfeed pull: setting CxFeed:Content:Source is 'folder': pull reads a live blog; set it to wordpress (and {WordPressOptions.Section}:BaseUrl) or crawl (and CxFeed:Content:Crawl:Start)\n", run.Error);
    }

    public async Task DisposeAsync()
    {
        await _blog.DisposeAsync();
        _store.Dispose();
    }
}
