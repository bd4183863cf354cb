using System.Net.Http.Headers;
using System.Text;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// A WordPress user and Application Password, sent as HTTP Basic authentication (what WordPress
/// accepts for Application Passwords). The password comes from the environment variable
/// <see cref="WordPressOptions.PasswordVariable"/>, else from <see cref="WordPressOptions.ApplicationPasswordFile"/>;
/// it never appears in a log, an error message or <see cref="ToString"/>.
/// </summary>
public sealed class WordPressCredentials
{
    private readonly string _password;

    private WordPressCredentials(string user, string password)
    {
        User = user;
        _password = password;
    }

    public string User { get; }

    /// <summary>The <c>Authorization</c> header value.</summary>
    public AuthenticationHeaderValue Header() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{_password}")));

    public override string ToString() => $"{User} (Application Password)";

    /// <summary>The credentials the settings and the environment give; null for anonymous reading. Call after <see cref="Check"/> found nothing.</summary>
    public static WordPressCredentials? From(WordPressOptions options, Func<string, string?>? environment = null)
    {
        var password = Password(options, environment ?? Environment.GetEnvironmentVariable);
        return string.IsNullOrEmpty(options.User) || string.IsNullOrEmpty(password) ? null : new WordPressCredentials(options.User, password);
    }

    /// <summary>What is wrong with the credentials' settings, without ever saying the password.</summary>
    public static IEnumerable<Problem> Check(WordPressOptions options, Func<string, string?>? environment = null)
    {
        var fromEnvironment = !string.IsNullOrEmpty((environment ?? Environment.GetEnvironmentVariable)(WordPressOptions.PasswordVariable));
        var file = options.ApplicationPasswordFile;
        var setting = $"{WordPressOptions.Section}:ApplicationPasswordFile";
        if (!string.IsNullOrEmpty(file) && !fromEnvironment)
        {
            var full = Path.GetFullPath(file);
            if (!File.Exists(full))
                yield return new Problem(setting, $"'{file}' is not a file ({full})");
            else if (RepositoryAround(full) is { } repository)
                yield return new Problem(setting, $"'{file}' is inside the git repository {repository}: keep the password outside any repository");
            else if (ReadPassword(full) is null)
                yield return new Problem(setting, $"'{file}' cannot be read or is empty");
        }
        var hasPassword = fromEnvironment || !string.IsNullOrEmpty(file);
        if (hasPassword && string.IsNullOrWhiteSpace(options.User))
            yield return new Problem($"{WordPressOptions.Section}:User", "must name the WordPress user the Application Password belongs to");
        if (!hasPassword && !string.IsNullOrWhiteSpace(options.User))
            yield return new Problem($"{WordPressOptions.Section}:User", $"'{options.User}' has no Application Password: set {WordPressOptions.PasswordVariable} or {setting}");
    }

    private static string? Password(WordPressOptions options, Func<string, string?> environment) =>
        environment(WordPressOptions.PasswordVariable) is { Length: > 0 } value
            ? value.Trim()
            : string.IsNullOrEmpty(options.ApplicationPasswordFile) ? null : ReadPassword(Path.GetFullPath(options.ApplicationPasswordFile));

    private static string? ReadPassword(string file)
    {
        try
        {
            return File.ReadAllText(file).Trim() is { Length: > 0 } password ? password : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The work tree the file lies in (a folder with <c>.git</c> above it), if any.</summary>
    private static string? RepositoryAround(string file)
    {
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(file)!); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return folder.FullName;
        }
        return null;
    }
}
