namespace CxFeed.Core.Content;

/// <summary>
/// A post page as a source lists it, before its bytes are read: its <see cref="PostPage.Name"/>,
/// its address and a stamp that changes when its bytes may have.
/// </summary>
public sealed record ListedPage(string Name, Uri Address, PageStamp Stamp);

/// <summary>
/// What a listing tells of a page without reading it: its length and last write time. Equal stamps
/// mean equal bytes only when the stamp is <paramref name="Settled"/>: the last write was longer
/// ago than a file system's timestamps are coarse (two seconds on the coarsest), so a later write
/// of the same length cannot carry the same time. An unsettled stamp is checked by reading.
/// </summary>
public readonly record struct PageStamp(long Length, long LastWriteTicks, bool Settled)
{
    /// <summary>The coarsest timestamp a file system keeps (FAT's two seconds; most keep nanoseconds).</summary>
    public static readonly TimeSpan Coarseness = TimeSpan.FromSeconds(2);

    /// <summary>The same length and time: the same bytes, if this stamp is settled.</summary>
    public bool Matches(PageStamp other) => Length == other.Length && LastWriteTicks == other.LastWriteTicks;
}
