namespace CxFeed.Core.Publishing;

/// <summary>
/// One file of a publication before it is rendered: its address, a key that changes whenever its
/// bytes, type or date may (a hash of everything it is rendered from, for one renderer's
/// settings), and how to render it. <see cref="PublishedFileCache"/> renders only files whose key
/// is new.
/// </summary>
public sealed record PlannedFile(string Address, string Key, Func<RenderedPage> Render);
