namespace CxFeed.Cli;

/// <summary>What <c>cxfeed</c> tells the shell.</summary>
public static class ExitCode
{
    public const int Ok = 0;

    /// <summary>The content has problems (some posts could not be read, cleaned or published).</summary>
    public const int ContentProblems = 1;

    /// <summary>Bad usage or configuration: nothing was done.</summary>
    public const int Usage = 2;
}
