using CxFeed.Cli;

namespace CxFeed.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public async Task An_unknown_verb_is_a_usage_error_that_lists_the_verbs()
    {
        var run = await Cxfeed.RunAsync("publish");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Equal("cxfeed: unknown verb 'publish'. Verbs: serve, check, clean, excerpt, pull, build.\n", run.Error);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_that_names_it()
    {
        var run = await Cxfeed.RunAsync("check", "--contnet", "seeds/posts");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.StartsWith("cxfeed check: unknown option --contnet\nusage: cxfeed check", run.Error);
    }

    [Fact]
    public async Task An_option_without_its_value_is_a_usage_error()
    {
        var run = await Cxfeed.RunAsync("check", "--content");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.StartsWith("cxfeed check: --content needs a value\n", run.Error);
    }

    [Fact]
    public async Task Help_lists_every_verb_and_the_exit_codes()
    {
        var run = await Cxfeed.RunAsync("--help");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        foreach (var verb in Verbs.ByName.Keys)
            Assert.Contains($"  cxfeed {(verb == "serve" ? "[serve]" : verb)}", run.Output);
        Assert.Contains("Exit codes: 0 fine, 1 the content has problems, 2 bad usage or configuration.", run.Output);
    }
}
