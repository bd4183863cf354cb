namespace CxFeed.Benchmarks.Corpus;

/// <summary>One generated post: the address it lives at (the base for its relative URLs) and its body HTML as WordPress serves it.</summary>
public sealed record CorpusPost(Uri BaseUrl, string Html);
