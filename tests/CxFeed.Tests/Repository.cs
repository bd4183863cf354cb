namespace CxFeed.Tests;

/// <summary>The repository's root folder (where CxFeed.sln is), for tests that read the shipped files.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CxFeed.sln")))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException("CxFeed.sln not found above " + AppContext.BaseDirectory);
    }
}
