using System.Collections.Frozen;

namespace CxFeed.Core.Excerpts;

/// <summary>What an element is to the excerpt builder, from the sets of <see cref="ExcerptPolicy"/>.</summary>
[Flags]
internal enum ExcerptRole : byte
{
    None = 0,
    Silent = 1,
    Inline = 2,
    Written = 4,
    Void = 8,
    TitleBlock = 16,
    List = 32,
    Link = 64,
    /// <summary>Silent, but shown as a box in the line: a word boundary where it stood.</summary>
    Spaced = 128,
}

/// <summary>
/// The roles of element names, looked up once per element rather than once per question. The
/// names are also interned here (every element the cleaner keeps is in a set of the policy), so
/// that a reader of markup allocates no name.
/// </summary>
internal static class ExcerptRoles
{
    private static readonly FrozenDictionary<string, ExcerptRole> ByName = Build();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Known =
        ByName.Keys.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static ExcerptRole Of(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The name as a string (the shared one when known).</summary>
    public static string Name(ReadOnlySpan<char> name) => Known.TryGetValue(name, out var known) ? known : name.ToString();

    private static FrozenDictionary<string, ExcerptRole> Build()
    {
        var roles = new Dictionary<string, ExcerptRole>(StringComparer.Ordinal);
        void Add(IEnumerable<string> names, ExcerptRole role)
        {
            foreach (var name in names)
                roles[name] = roles.GetValueOrDefault(name) | role;
        }

        Add(ExcerptPolicy.Silent, ExcerptRole.Silent);
        Add(ExcerptPolicy.Inline, ExcerptRole.Inline);
        Add(ExcerptPolicy.Written, ExcerptRole.Written);
        Add(ExcerptPolicy.Void, ExcerptRole.Void);
        Add(ExcerptPolicy.TitleBlocks, ExcerptRole.TitleBlock);
        Add(ExcerptPolicy.Lists, ExcerptRole.List);
        Add(["a"], ExcerptRole.Link);
        Add(ExcerptPolicy.SpacedWhenSilent, ExcerptRole.Spaced);
        return roles.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
