namespace CxFeed.Core;

/// <summary>
/// A configuration section bound to an options class: where it lives and what is wrong with it.
/// Each problem names the full setting (<c>CxFeed:Site:BaseUrl</c>) so a start-up error points at
/// the line to fix.
/// </summary>
public interface ISettings
{
    static abstract string Section { get; }

    IEnumerable<Problem> Validate();
}
