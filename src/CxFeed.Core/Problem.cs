namespace CxFeed.Core;

/// <summary>
/// Something wrong with the content, reported as data so that one bad post never stops the others.
/// <paramref name="Subject"/> names what it is about (a file, a post, a setting, a feed definition).
/// </summary>
public sealed record Problem(string Subject, string Reason)
{
    public override string ToString() => $"{Subject}: {Reason}";
}
