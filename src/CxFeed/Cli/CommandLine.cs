using CxFeed.Core;
using Microsoft.Extensions.Configuration;

namespace CxFeed.Cli;

/// <summary>
/// <c>cxfeed [verb] [options]</c>: picks the verb (serve when none is given), checks its options,
/// builds the configuration and runs it. Exit codes are <see cref="ExitCode"/>'s.
/// </summary>
public static class CommandLine
{
    /// <summary>Options that are shorthands for a setting (where a verb accepts them).</summary>
    private static readonly IReadOnlyDictionary<string, string> SettingOptions = new Dictionary<string, string>
    {
        ["content"] = "CxFeed:Content:Path",
        ["feeds"] = "CxFeed:Feeds:Path",
    };

    public static async Task<int> RunAsync(
        string[] args, Stream input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var verbName = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        if (verbName is "help" || rest.Contains("--help") || rest.Contains("-h"))
        {
            await output.WriteAsync(Verbs.Help());
            return ExitCode.Ok;
        }
        if (!Verbs.ByName.TryGetValue(verbName, out var verb))
        {
            await error.WriteLineAsync($"cxfeed: unknown verb '{verbName}'. Verbs: {string.Join(", ", Verbs.ByName.Keys)}.");
            return ExitCode.Usage;
        }
        if (!TryParse(verb, rest, out var parsed, out var usageError))
        {
            await error.WriteLineAsync($"cxfeed {verb.Name}: {usageError}");
            await error.WriteLineAsync($"usage: {verb.Usage}");
            return ExitCode.Usage;
        }
        var context = new CommandContext(
            BuildConfiguration(parsed.Settings),
            parsed.Options,
            parsed.HostArguments,
            input,
            output,
            error,
            OutputIsTerminal: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected,
            cancellationToken);
        try
        {
            return await verb.RunAsync(context);
        }
        catch (SettingsException invalid)
        {
            foreach (var problem in invalid.Problems)
                await error.WriteLineAsync($"cxfeed: setting {problem}");
            return ExitCode.Usage;
        }
    }

    /// <summary>
    /// appsettings.json beside the executable, then <c>appsettings.{Environment}.json</c>, then
    /// environment variables (<c>CxFeed__Site__BaseUrl</c>), then the command line.
    /// </summary>
    public static IConfiguration BuildConfiguration(IReadOnlyDictionary<string, string?> commandLineSettings)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(commandLineSettings)
            .Build();
    }

    /// <summary>Binds and validates a settings section; throws <see cref="SettingsException"/> naming every bad setting.</summary>
    public static T Settings<T>(this CommandContext context) where T : class, ISettings, new() =>
        Settings<T>(context.Configuration);

    public static T Settings<T>(IConfiguration configuration) where T : class, ISettings, new()
    {
        T settings;
        try
        {
            settings = configuration.GetSection(T.Section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException bindingError)
        {
            throw new SettingsException([new Problem(T.Section, bindingError.Message)]);
        }
        var problems = settings.Validate().ToList();
        return problems.Count == 0 ? settings : throw new SettingsException(problems);
    }

    private sealed record Parsed(
        Dictionary<string, string> Options,
        Dictionary<string, string?> Settings,
        List<string> HostArguments);

    private static bool TryParse(Verb verb, string[] args, out Parsed parsed, out string error)
    {
        parsed = new Parsed(new(StringComparer.Ordinal), new(StringComparer.OrdinalIgnoreCase), []);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"unexpected argument '{arg}'";
                return false;
            }
            var name = arg[2..];
            string? inlineValue = null;
            if (name.IndexOf('=') is var equals and > 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }
            if (verb.Flags.Contains(name))
            {
                if (inlineValue is not null)
                {
                    error = $"--{name} takes no value";
                    return false;
                }
                parsed.Options[name] = "";
                continue;
            }
            if (!verb.ValueOptions.Contains(name) && !name.Contains(':') && !verb.PassesHostOptions)
            {
                error = $"unknown option --{name}";
                return false;
            }
            var value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"--{name} needs a value";
                    return false;
                }
                value = args[++i];
            }
            if (verb.ValueOptions.Contains(name) && SettingOptions.TryGetValue(name, out var key))
                parsed.Settings[key] = value;
            else if (name.Contains(':'))
                parsed.Settings[name] = value;
            else if (verb.ValueOptions.Contains(name))
                parsed.Options[name] = value;
            else
                parsed.HostArguments.AddRange([$"--{name}", value]);
        }
        error = "";
        return true;
    }
}
