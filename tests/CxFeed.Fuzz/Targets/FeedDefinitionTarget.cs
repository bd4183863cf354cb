using CxFeed.Core.Syndication;

namespace CxFeed.Fuzz.Targets;

/// <summary>
/// The feed definition reader (<see cref="FeedDefinitionReader"/>) on the bytes of a file in
/// <c>feeds/</c>: no exception escapes; a file that gives no definition says why; every problem
/// names the file.
/// </summary>
public sealed class FeedDefinitionTarget : FuzzTarget
{
    private const string File = "feeds/fuzz.json";

    public override string Name => "feed";

    public override void Check(byte[] input)
    {
        var (definition, problems) = FeedDefinitionReader.Read("fuzz", File, input);
        Require(definition is not null || problems.Length > 0, "a file that gives no definition says why");
        foreach (var problem in problems)
            Require(problem.Subject == File && problem.Reason.Length > 0, $"a problem names the file and says something: {problem}");
    }
}
