using CxFeed.Core;

namespace CxFeed.Cli;

/// <summary>Configuration that cannot be used: every problem names its setting. Ends the program with exit code 2.</summary>
public sealed class SettingsException(IReadOnlyList<Problem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
