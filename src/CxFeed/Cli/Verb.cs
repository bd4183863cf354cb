namespace CxFeed.Cli;

/// <summary>
/// One verb of <c>cxfeed</c>: the options it takes (<paramref name="ValueOptions"/> take a value,
/// <paramref name="Flags"/> do not) and what it runs. <paramref name="PassesHostOptions"/> verbs
/// hand unknown <c>--name value</c> options on to the ASP.NET Core host (<c>--urls</c>, …).
/// </summary>
public sealed record Verb(
    string Name,
    string Usage,
    string Summary,
    IReadOnlySet<string> ValueOptions,
    IReadOnlySet<string> Flags,
    Func<CommandContext, Task<int>> RunAsync,
    bool PassesHostOptions = false);
