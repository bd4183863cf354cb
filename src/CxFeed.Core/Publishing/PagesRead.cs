namespace CxFeed.Core.Publishing;

/// <summary>How far a build is: <paramref name="Read"/> of the <paramref name="Total"/> pages it reads (and cleans when they changed) are done.</summary>
public readonly record struct PagesRead(int Read, int Total);
