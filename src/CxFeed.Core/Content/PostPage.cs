using System.Collections.Immutable;

namespace CxFeed.Core.Content;

/// <summary>
/// One post as the blog serves it: the bytes of a whole HTML document and the address it lives at.
/// <paramref name="Name"/> is how problems refer to it (for a folder source, the path relative to
/// the folder, with forward slashes). <paramref name="ReadError"/> says why the source could not
/// read the bytes (then empty): the reader reports it as the page's problem, so one unreadable
/// file never stops the others.
/// </summary>
public sealed record PostPage(string Name, Uri Address, ImmutableArray<byte> Bytes, string? ReadError = null);
