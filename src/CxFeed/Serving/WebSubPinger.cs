using System.Threading.Channels;
using CxFeed.Core.Publishing;

namespace CxFeed.Serving;

/// <summary>
/// Tells the configured WebSub hubs (<c>CxFeed:Publish:Hubs</c>) that a feed changed: a POST of
/// <c>hub.mode=publish&amp;hub.url=TOPIC</c> to each hub, the way publishers notify hubs (WebSub
/// leaves the publish request to the hub; this is the form hubs accept). Changes go through a
/// channel, so a rebuild only queues them and no request ever waits; each hub and topic is tried
/// up to <c>CxFeed:Serve:WebSubAttempts</c> times with exponential backoff and jitter.
/// </summary>
public sealed class WebSubPinger(
    IHttpClientFactory clients,
    PublishOptions publish,
    ServeOptions serve,
    RetryDelays delays,
    TimeProvider time,
    ServingMetrics metrics,
    ILogger<WebSubPinger> logger) : BackgroundService
{
    public const string ClientName = "websub";

    private readonly Channel<Uri> _topics = Channel.CreateUnbounded<Uri>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Uri[] _hubs = [.. publish.HubUris];

    /// <summary>Queues the topics (feed URLs) that changed; returns at once.</summary>
    public void Announce(IEnumerable<Uri> topics)
    {
        if (_hubs.Length == 0)
            return;
        foreach (var topic in topics)
            _topics.Writer.TryWrite(topic);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new List<Task>();
        try
        {
            await foreach (var topic in _topics.Reader.ReadAllAsync(stoppingToken))
            {
                pending.RemoveAll(task => task.IsCompleted);
                foreach (var hub in _hubs)
                    pending.Add(NotifyAsync(hub, topic, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(pending);
    }

    /// <summary>One hub, one topic, until it answers 2xx or the attempts run out; never throws.</summary>
    private async Task NotifyAsync(Uri hub, Uri topic, CancellationToken stoppingToken)
    {
        var client = clients.CreateClient(ClientName);
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(serve.WebSubTimeout);
                using var form = new FormUrlEncodedContent([new("hub.mode", "publish"), new("hub.url", topic.AbsoluteUri)]);
                using var response = await client.PostAsync(hub, form, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    metrics.Pinged("ok");
                    logger.HubNotified(hub, topic, (int)response.StatusCode);
                    return;
                }
                reason = $"HTTP {(int)response.StatusCode}";
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException)
            {
                reason = failure is OperationCanceledException ? $"no answer within {serve.WebSubTimeout}" : failure.Message;
            }
            if (attempt >= serve.WebSubAttempts)
            {
                metrics.Pinged("gave-up");
                logger.HubGaveUp(hub, topic, attempt, reason);
                return;
            }
            var delay = delays.After(attempt);
            metrics.Pinged("retry");
            logger.HubRetry(hub, topic, attempt, reason, delay);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
