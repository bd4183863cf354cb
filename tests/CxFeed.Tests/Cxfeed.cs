using CxFeed.Cli;

namespace CxFeed.Tests;

/// <summary>Runs the <c>cxfeed</c> command line in-process, with standard input, output and error captured.</summary>
public static class Cxfeed
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static Task<Run> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public static Task<Run> RunWithInputAsync(string input, params string[] args) =>
        RunWithInputAsync(System.Text.Encoding.UTF8.GetBytes(input), args);

    public static async Task<Run> RunWithInputAsync(byte[] input, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = await CommandLine.RunAsync(args, new MemoryStream(input), output, error);
        return new Run(exitCode, output.ToString(), error.ToString());
    }
}
