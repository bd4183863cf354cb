using System.Globalization;
using CxFeed.Core.Publishing;
using Microsoft.Extensions.Logging;

namespace CxFeed.Cli;

/// <summary>
/// The progress of a long build, `cxfeed build` or the server's first start: on a terminal, one
/// line rewritten in place ("pages read 4812 of 10000, files written 0 of 15394, 12 s") at most
/// ten times a second; in a log instead (the server's output is not a terminal), a line every
/// <see cref="LogEvery"/>. Only the first build is shown: the rebuilds after it read a page or two
/// and say what they did in their own log line. Thread-safe: the builder reports from every core.
/// </summary>
public sealed partial class BuildProgress : IProgress<PagesRead>, IProgress<int>
{
    /// <summary>How often a log line is written while the first build runs.</summary>
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan DrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter? _terminal;
    private readonly ILogger? _logger;
    private readonly TimeProvider _time;
    private readonly bool _endWhenRead;
    private readonly long _started;
    private readonly Lock _lock = new();
    private TimeSpan? _shownAt;
    private PagesRead _pages;
    private int _filesWritten;
    private int _filesTotal;
    private bool _ended;

    /// <param name="terminal">The terminal to draw on; or none, and <paramref name="logger"/> gets a line every few seconds.</param>
    /// <param name="endWhenRead">Whether the build is over once its pages are read (the server renders in memory; `build` goes on to write files).</param>
    public BuildProgress(TextWriter? terminal, ILogger? logger, TimeProvider time, bool endWhenRead)
    {
        _terminal = terminal;
        _logger = logger;
        _time = time;
        _endWhenRead = endWhenRead;
        _started = time.GetTimestamp();
    }

    /// <summary>For the server: its standard error when that is a terminal, else its log.</summary>
    public static BuildProgress ForServer(TimeProvider time, ILogger logger) =>
        new(Console.IsErrorRedirected ? null : Console.Error, Console.IsErrorRedirected ? logger : null, time, endWhenRead: true);

    public void Report(PagesRead value)
    {
        lock (_lock)
        {
            if (_ended || value.Read <= _pages.Read && value.Total == _pages.Total)
                return;
            _pages = value;
            var last = _endWhenRead && value.Read == value.Total;
            Show(force: last);
            if (last)
                EndLocked();
        }
    }

    /// <summary>Files written so far (<see cref="PublicationFolder.WriteAsync"/> counts them); <see cref="WritingFiles"/> gives the total first.</summary>
    public void Report(int value)
    {
        lock (_lock)
        {
            if (_ended)
                return;
            _filesWritten = value;
            Show(force: value == _filesTotal);
        }
    }

    /// <summary>The files phase begins: this many files will be written.</summary>
    public IProgress<int> WritingFiles(int total)
    {
        lock (_lock)
            _filesTotal = total;
        return this;
    }

    /// <summary>Clears the line from the terminal, so the summary that follows stands alone; nothing more is shown.</summary>
    public void End()
    {
        lock (_lock)
            EndLocked();
    }

    private void EndLocked()
    {
        if (_ended)
            return;
        _ended = true;
        if (_terminal is not null && _shownAt is not null)
        {
            _terminal.Write("\r\u001b[K");
            _terminal.Flush();
        }
    }

    private void Show(bool force)
    {
        var elapsed = _time.GetElapsedTime(_started);
        var every = _terminal is not null ? DrawEvery : LogEvery;
        if (!force && _shownAt is { } shown && elapsed - shown < every)
            return;
        if (_terminal is null && _shownAt is null && !force && elapsed < LogEvery)
            return;   // a build that ends within the first interval logs nothing: its Rebuilt line says it all
        _shownAt = elapsed;
        if (_terminal is not null)
        {
            _terminal.Write("\r" + Line(elapsed) + "\u001b[K");
            _terminal.Flush();
        }
        else if (_logger is not null && !force)
        {
            Log.Building(_logger, _pages.Read, _pages.Total, _filesWritten, _filesTotal, (long)elapsed.TotalSeconds);
        }
    }

    /// <summary>The line as it is drawn: what is done of what there is to do, and the seconds since the build began.</summary>
    internal string Line(TimeSpan elapsed)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"pages read {_pages.Read} of {_pages.Total}");
        if (_filesTotal > 0)
            line += string.Create(CultureInfo.InvariantCulture, $", files written {_filesWritten} of {_filesTotal}");
        return line + string.Create(CultureInfo.InvariantCulture, $", {(long)elapsed.TotalSeconds} s");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 30, Level = LogLevel.Information,
            Message = "First build: {PagesRead} of {Pages} pages read, {FilesWritten} of {Files} files written, {ElapsedSeconds} s")]
        public static partial void Building(ILogger logger, int pagesRead, int pages, int filesWritten, int files, long elapsedSeconds);
    }
}
