using System.Collections.Immutable;

namespace CxFeed.Serving;

/// <summary>
/// How the live source is doing, for <c>/healthz</c>: empty while the last pull succeeded with
/// nothing to report; else one line per thing wrong (the blog failing, posts of the wrong shape).
/// The feeds meanwhile serve what the store holds.
/// </summary>
public sealed class SourceStatus
{
    private readonly Lock _lock = new();
    private ImmutableArray<string> _problems = [];

    public ImmutableArray<string> Problems
    {
        get
        {
            lock (_lock)
                return _problems;
        }
    }

    public void Set(IEnumerable<string> problems)
    {
        ImmutableArray<string> next = [.. problems];
        lock (_lock)
            _problems = next;
    }
}
