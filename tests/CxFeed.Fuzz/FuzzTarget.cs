namespace CxFeed.Fuzz;

/// <summary>
/// One parser fed with outside input, and the properties that must hold for every input. A
/// property that fails throws <see cref="PropertyFailure"/>; any other exception that escapes is
/// a failure too (parsers report problems as data). afl-fuzz sees both as crashes; its timeout
/// (<c>-t</c>) makes a slow input a hang.
/// </summary>
public abstract class FuzzTarget
{
    /// <summary>The name the command line and the corpus folder use.</summary>
    public abstract string Name { get; }

    public abstract void Check(byte[] input);

    protected static void Require(bool holds, string property)
    {
        if (!holds)
            throw new PropertyFailure(property);
    }
}

/// <summary>A property of the target did not hold for the input.</summary>
public sealed class PropertyFailure(string message) : Exception(message);
