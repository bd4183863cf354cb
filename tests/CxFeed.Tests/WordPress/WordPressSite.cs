using System.Diagnostics;
using System.Text.Json;

namespace CxFeed.Tests.WordPress;

/// <summary>
/// A real WordPress on 127.0.0.1 holding the 20 seed posts (<c>tests/wordpress/wordpress.sh</c>):
/// started once per test class (<c>IClassFixture&lt;WordPressSite&gt;</c>), stopped and removed after.
/// Its links and shortlinks are the blog's (<c>https://www.heartofthecustomer.com/…</c>); it is
/// reached at <see cref="Address"/>. Where the packages are missing it does not start and the
/// tests, marked <see cref="WordPressFactAttribute"/>, are skipped.
/// </summary>
public sealed class WordPressSite : IAsyncLifetime
{
    private static readonly string Scripts = Path.Combine(Repository.Root, "tests", "wordpress");
    private static readonly Lazy<string?> Missing = new(FindMissingPackages);

    /// <summary>What is missing to run a WordPress here (<c>wordpress.sh check</c>), or null when nothing is.</summary>
    public static string? MissingPackages => Missing.Value;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cxfeed-wordpress-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Where the tests reach it: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public bool Running { get; private set; }

    public async Task InitializeAsync()
    {
        if (MissingPackages is not null)
            return;
        var started = await RunAsync(TimeSpan.FromMinutes(2), "bash", Path.Combine(Scripts, "wordpress.sh"), "start", _folder);
        Address = new Uri(started.Trim().Split('\n')[^1]);
        Running = true;
    }

    /// <summary>PHP's server stopped: connections to <see cref="Address"/> are refused (MariaDB and the posts stay).</summary>
    public Task StopWebAsync() => ScriptAsync("web-stop");

    /// <summary>PHP's server back at the same address.</summary>
    public Task StartWebAsync() => ScriptAsync("web-start");

    /// <summary>MariaDB stopped: WordPress answers every request with its "Error establishing a database connection" page.</summary>
    public Task StopDatabaseAsync() => ScriptAsync("db-stop");

    /// <summary>MariaDB back, with every post it had.</summary>
    public Task StartDatabaseAsync() => ScriptAsync("db-start");

    /// <summary>Runs <c>tests/wordpress/post.php</c> (publish, edit, unpublish, trash, ping-sites) and gives its JSON.</summary>
    public async Task<JsonElement> PostAsync(params string[] arguments)
    {
        var output = await RunAsync(TimeSpan.FromMinutes(1), ["php", Path.Combine(Scripts, "post.php"), _folder, .. arguments]);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>Runs one of <c>tests/wordpress</c>'s PHP scripts on this site (<c>php SCRIPT DIR ARGUMENTS…</c>) and gives what it prints.</summary>
    public Task<string> PhpAsync(string script, params string[] arguments) =>
        RunAsync(TimeSpan.FromMinutes(2), ["php", Path.Combine(Scripts, script), _folder, .. arguments]);

    /// <summary>Serves the site with one of Debian's themes (<c>tests/wordpress/theme.php</c>: the wordpress-theme-NAME package).</summary>
    public Task ThemeAsync(string name) => PhpAsync("theme.php", name);

    public async Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
            await ScriptAsync("stop");
    }

    private Task ScriptAsync(string command) => RunAsync(TimeSpan.FromMinutes(1), "bash", Path.Combine(Scripts, "wordpress.sh"), command, _folder);

    private static string? FindMissingPackages()
    {
        try
        {
            using var check = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Scripts, "wordpress.sh"), "check"]) { RedirectStandardOutput = true })!;
            var output = check.StandardOutput.ReadToEnd().Trim();
            check.WaitForExit();
            return check.ExitCode == 0 ? null : output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "missing: bash";
        }
    }

    private static Task<string> RunAsync(TimeSpan timeout, params string[] command) => RunAsync(timeout, command.AsEnumerable());

    private static async Task<string> RunAsync(TimeSpan timeout, IEnumerable<string> command)
    {
        var arguments = command.ToArray();
        var start = new ProcessStartInfo(arguments[0], arguments[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', arguments)}: not done within {timeout.TotalSeconds} s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', arguments)}: exit {process.ExitCode}\n{await error}{await output}");
        return await output;
    }
}
