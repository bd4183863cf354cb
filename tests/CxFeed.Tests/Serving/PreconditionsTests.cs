using System.Net;
using CxFeed.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxFeed.Tests.Serving;

/// <summary>RFC 9110 §13's conditional headers for a GET of one representation, header by header and in combination.</summary>
public class PreconditionsTests
{
    private const string Tag = "\"x8LbQ0Ak5EM3n9Xv-eE2QA\"";
    private static readonly DateTimeOffset Modified = new(2021, 6, 10, 16, 2, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Modified.AddDays(30);

    private static PreconditionOutcome Evaluate(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
            dictionary.Append(name, value);
        return Preconditions.Evaluate(dictionary, Tag, Modified, Now);
    }

    [Fact]
    public void No_conditional_header_sends_the_representation() =>
        Assert.Equal(PreconditionOutcome.Send, Evaluate());

    [Theory]
    [InlineData(Tag)]
    [InlineData("W/" + Tag)]
    [InlineData("\"other\", " + Tag)]
    [InlineData("\"other\",W/" + Tag + " ")]
    [InlineData("*")]
    public void If_none_match_listing_the_tag_weakly_is_not_modified(string field) =>
        Assert.Equal(PreconditionOutcome.NotModified, Evaluate(("If-None-Match", field)));

    [Theory]
    [InlineData("\"other\"")]
    [InlineData("\"x8LbQ0Ak5EM3n9Xv-eE2QA-gz\"")]
    [InlineData("x8LbQ0Ak5EM3n9Xv-eE2QA")]
    [InlineData("\"unterminated")]
    public void If_none_match_without_the_tag_or_malformed_sends(string field) =>
        Assert.Equal(PreconditionOutcome.Send, Evaluate(("If-None-Match", field)));

    [Theory]
    [InlineData("Thu, 10 Jun 2021 16:02:00 GMT", PreconditionOutcome.NotModified)]
    [InlineData("Fri, 11 Jun 2021 00:00:00 GMT", PreconditionOutcome.NotModified)]
    [InlineData("Thursday, 10-Jun-21 16:02:00 GMT", PreconditionOutcome.NotModified)]
    [InlineData("Thu Jun 10 16:02:00 2021", PreconditionOutcome.NotModified)]
    [InlineData("Thu, 10 Jun 2021 16:01:59 GMT", PreconditionOutcome.Send)]
    [InlineData("yesterday", PreconditionOutcome.Send)]
    public void If_modified_since_compares_whole_seconds_in_any_http_date_form(string field, PreconditionOutcome outcome) =>
        Assert.Equal(outcome, Evaluate(("If-Modified-Since", field)));

    [Fact]
    public void If_modified_since_ahead_of_the_server_clock_is_ignored() =>
        Assert.Equal(PreconditionOutcome.Send, Evaluate(("If-Modified-Since", Now.AddMinutes(1).ToString("R"))));

    [Fact]
    public void If_modified_since_with_two_dates_is_ignored() =>
        Assert.Equal(PreconditionOutcome.Send, Evaluate(("If-Modified-Since", Modified.ToString("R")), ("If-Modified-Since", Modified.ToString("R"))));

    [Fact]
    public void If_none_match_decides_alone_when_both_are_sent()
    {
        Assert.Equal(PreconditionOutcome.Send, Evaluate(("If-None-Match", "\"other\""), ("If-Modified-Since", Modified.ToString("R"))));
        Assert.Equal(PreconditionOutcome.NotModified, Evaluate(("If-None-Match", Tag), ("If-Modified-Since", Modified.AddYears(-1).ToString("R"))));
    }

    [Theory]
    [InlineData(Tag, PreconditionOutcome.Send)]
    [InlineData("*", PreconditionOutcome.Send)]
    [InlineData("W/" + Tag, PreconditionOutcome.PreconditionFailed)]
    [InlineData("\"other\"", PreconditionOutcome.PreconditionFailed)]
    public void If_match_compares_strongly(string field, PreconditionOutcome outcome) =>
        Assert.Equal(outcome, Evaluate(("If-Match", field)));

    [Fact]
    public void If_unmodified_since_fails_for_a_newer_representation_and_yields_to_if_match()
    {
        Assert.Equal(PreconditionOutcome.PreconditionFailed, Evaluate(("If-Unmodified-Since", Modified.AddSeconds(-1).ToString("R"))));
        Assert.Equal(PreconditionOutcome.Send, Evaluate(("If-Unmodified-Since", Modified.ToString("R"))));
        Assert.Equal(PreconditionOutcome.Send, Evaluate(("If-Match", Tag), ("If-Unmodified-Since", Modified.AddSeconds(-1).ToString("R"))));
    }

    [Fact]
    public void A_failed_if_match_wins_over_a_matching_if_none_match() =>
        Assert.Equal(PreconditionOutcome.PreconditionFailed, Evaluate(("If-Match", "\"other\""), ("If-None-Match", Tag)));

    [Fact]
    public async Task The_server_clock_is_the_injected_time_provider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = CxFeedServer.Start(services: services => services.AddSingleton<TimeProvider>(clock));
        var file = server.Publication.Find("/feeds/posts.rss")!;
        var date = ("If-Modified-Since", file.LastModified.ToString("R"));

        using var early = await server.GetAsync("/feeds/posts.rss", date);
        // AdjustTime moves the clock without firing the server's timers for every period skipped.
        clock.AdjustTime(file.LastModified.AddHours(1));
        using var later = await server.GetAsync("/feeds/posts.rss", date);

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, later.StatusCode);
    }

    [Fact]
    public async Task A_failed_precondition_is_412()
    {
        await using var server = CxFeedServer.Start();

        using var response = await server.GetAsync("/feeds/posts.rss", ("If-Match", "\"stale\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }
}
