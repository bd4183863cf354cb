using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CxFeed.Serving;

/// <summary>
/// The server's counters, on the meter <c>CxFeed.Serving</c> (read them with dotnet-counters or an
/// OpenTelemetry exporter): requests by status, 304s, rebuilds by outcome, rebuild time, WebSub pings.
/// </summary>
public sealed class ServingMetrics
{
    public const string MeterName = "CxFeed.Serving";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _notModified;
    private readonly Counter<long> _rebuilds;
    private readonly Histogram<double> _rebuildTime;
    private readonly Counter<long> _pings;

    public ServingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("cxfeed.requests", "{request}", "Requests answered, by status code.");
        _notModified = meter.CreateCounter<long>("cxfeed.not_modified", "{response}", "Requests answered 304 Not Modified.");
        _rebuilds = meter.CreateCounter<long>("cxfeed.rebuilds", "{rebuild}", "Rebuilds of the publication, by outcome (ok, failed).");
        _rebuildTime = meter.CreateHistogram<double>("cxfeed.rebuild.duration", "ms", "How long a rebuild took, reading to swap.");
        _pings = meter.CreateCounter<long>("cxfeed.websub.pings", "{request}", "Requests to WebSub hubs, by outcome (ok, retry, gave-up).");
    }

    /// <summary>The status tags boxed once: a request allocates nothing to be counted.</summary>
    private static readonly Dictionary<int, KeyValuePair<string, object?>> StatusTags =
        new[] { 200, 301, 304, 404, 405, 406, 412, 429, 503 }.ToDictionary(status => status, status => new KeyValuePair<string, object?>("status", status));

    public void Answered(int status)
    {
        _requests.Add(1, StatusTags.TryGetValue(status, out var tag) ? tag : new KeyValuePair<string, object?>("status", status));
        if (status == StatusCodes.Status304NotModified)
            _notModified.Add(1);
    }

    public void Rebuilt(bool succeeded, TimeSpan elapsed)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed");
        _rebuilds.Add(1, outcome);
        _rebuildTime.Record(elapsed.TotalMilliseconds, outcome);
    }

    public void Pinged(string outcome) => _pings.Add(1, new TagList { { "outcome", outcome } });
}
