using Microsoft.Extensions.Configuration;

namespace CxFeed.Cli;

/// <summary>Everything a verb needs from the command line and the process, so tests can run verbs in-process.</summary>
public sealed record CommandContext(
    IConfiguration Configuration,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<string> HostArguments,
    Stream In,
    TextWriter Out,
    TextWriter Error,
    bool OutputIsTerminal,
    CancellationToken CancellationToken)
{
    public string? Option(string name) => Options.GetValueOrDefault(name);

    public bool Flag(string name) => Options.ContainsKey(name);
}
