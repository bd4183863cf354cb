namespace CxFeed.Core.Excerpts;

/// <summary>
/// The excerpt as plain text and as HTML (closed elements, then a "Read more" link).
/// <paramref name="IsCut"/> when the post has text the excerpt does not show: the automatic
/// excerpt was cut (then <paramref name="Text"/> ends with "…"), or a teaser or manual excerpt
/// stands for a longer body.
/// </summary>
public sealed record Excerpt(string Text, string Html, bool IsCut);
