namespace CxFeed.Tests.WordPress;

/// <summary>
/// A test against a real WordPress (<c>tests/wordpress/wordpress.sh</c>); skipped, with the reason,
/// where Debian's packages are missing (<c>apt-get install nginx wordpress mariadb-server php-cli
/// php-mysql php-xml</c>, as <c>.ci/run</c> does from <c>.ci/suites/wordpress.packages</c>).
/// </summary>
public sealed class WordPressFactAttribute : FactAttribute
{
    public WordPressFactAttribute()
    {
        if (WordPressSite.MissingPackages is { } missing)
            Skip = $"needs a real WordPress: {missing} (apt-get install nginx wordpress mariadb-server php-cli php-mysql php-xml)";
    }
}
