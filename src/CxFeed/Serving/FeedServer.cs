using System.Threading.RateLimiting;
using CxFeed.Access;
using CxFeed.Audience;
using CxFeed.Cli;
using CxFeed.Core;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Content.Crawl;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Pages;
using CxFeed.Core.Publishing;
using CxFeed.Core.Store;
using CxFeed.Core.Syndication;
using Microsoft.AspNetCore.RateLimiting;

namespace CxFeed.Serving;

/// <summary>
/// The web application of <c>cxfeed serve</c>: the services (settings, the rebuild, WebSub,
/// metrics) and one terminal handler, <c>/healthz</c> or a published file. No routing, no MVC:
/// the answer to a feed request is a dictionary look-up and a write.
/// </summary>
public sealed class FeedServer
{
    /// <summary>Where the server listens when neither <c>--urls</c> nor the host's settings say: this machine only.</summary>
    public const string DefaultUrls = "http://localhost:5080";

    public const string HealthPath = "/healthz";

    private FeedServer()
    {
    }

    /// <summary>
    /// The application, not yet started. <paramref name="hostArguments"/> are the host's own
    /// options (<c>--urls</c>, <c>--environment</c>); <paramref name="settings"/> is cxfeed's
    /// configuration (appsettings.json beside the executable, environment, command line).
    /// Throws <see cref="SettingsException"/> naming every bad setting.
    /// </summary>
    public static WebApplication Create(IReadOnlyList<string> hostArguments, IConfiguration settings)
    {
        // Configuration files are read once: the server watches content, not its own settings.
        // The slim builder: no host filtering or other middleware a feed server does not use (the
        // Host header is never read), HTTPS endpoints from settings added back below.
        var builder = WebApplication.CreateSlimBuilder([.. hostArguments, "--hostBuilder:reloadConfigOnChange=false"]);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.Configuration.AddConfiguration(settings);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpsPortsKey])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
            builder.WebHost.UseUrls(DefaultUrls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // The host's request lines carry the query, where a partner's key may travel (?key=): never logged.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        AddServices(builder.Services, CommandLine.Settings<ContentOptions>(builder.Configuration));

        var app = builder.Build();
        var services = app.Services;
        // Resolving the settings validates them all before anything starts.
        _ = services.GetRequiredService<SiteOptions>();
        _ = services.GetRequiredService<ContentOptions>();
        _ = services.GetRequiredService<FeedsOptions>();
        _ = services.GetRequiredService<PublishOptions>();
        _ = services.GetRequiredService<PagesOptions>();
        _ = services.GetRequiredService<CleaningOptions>();
        if (services.GetRequiredService<ContentOptions>().Source == ContentOptions.WordPressSourceName)
            _ = services.GetRequiredService<WordPressOptions>();
        if (services.GetRequiredService<ContentOptions>().Source == ContentOptions.WxrSourceName)
            _ = services.GetRequiredService<WxrOptions>();
        if (services.GetRequiredService<ContentOptions>().Source == ContentOptions.CrawlSourceName)
            _ = services.GetRequiredService<CrawlOptions>();
        _ = services.GetRequiredService<KeyRing>();
        _ = services.GetRequiredService<AudienceOptions>();
        var serve = services.GetRequiredService<ServeOptions>();
        if (serve.RateLimitPermits > 0)
            app.UseRateLimiter();
        var health = services.GetRequiredService<HealthEndpoint>();
        var files = services.GetRequiredService<PublicationEndpoint>();
        var ping = services.GetRequiredService<PingEndpoint>();
        var stats = services.GetRequiredService<StatsEndpoint>();
        app.Run(context => context.Request.Path.Value switch
        {
            HealthPath => health.InvokeAsync(context),
            PingEndpoint.Path => ping.InvokeAsync(context),
            var path when StatsEndpoint.Serves(path) => stats.InvokeAsync(context),
            _ => files.InvokeAsync(context),
        });
        return app;
    }

    private static void AddServices(IServiceCollection services, ContentOptions content)
    {
        services.AddSingleton(TimeProvider.System);
        AddSettings<SiteOptions>(services);
        AddSettings<ContentOptions>(services);
        AddSettings<FeedsOptions>(services);
        AddSettings<PublishOptions>(services);
        AddSettings<PagesOptions>(services);
        AddSettings<ServeOptions>(services);
        AddSettings<CleaningOptions>(services);
        AddSettings<AccessOptions>(services);
        services.AddSingleton(provider => KeyRing.Create(provider.GetRequiredService<AccessOptions>(), provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ClientAddress>();
        services.AddSingleton<AccessGate>();
        AddSettings<AudienceOptions>(services);
        services.AddSingleton(FetcherList.Shipped);
        services.AddSingleton<AudienceRecorder>();
        services.AddSingleton<StatsEndpoint>();
        services.AddHostedService(provider => provider.GetRequiredService<AudienceRecorder>());

        services.AddSingleton<ExcerptBuilder>();
        // A content folder missing at start is not an error for serve (the rescan finds it when it appears); the store is made at once.
        services.AddSingleton<IPostSource>(provider => content.UsesStore
            ? ContentFolder.Open(content, provider.GetRequiredService<SiteOptions>())
            : new FolderSource(content.Path, provider.GetRequiredService<SiteOptions>().BaseUri));
        services.AddSingleton<SourceStatus>();
        services.AddSingleton(provider => new PingEndpoint(
            provider.GetService<PollRequests>(), provider.GetRequiredService<ClientAddress>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<PingEndpoint>>()));
        services.AddSingleton(provider => new SnapshotBuilder(
            new PostReader(provider.GetRequiredService<ContentOptions>(), provider.GetRequiredService<SiteOptions>()),
            new HtmlCleaner(provider.GetRequiredService<CleaningOptions>().ToPolicy()),
            provider.GetRequiredService<ExcerptBuilder>())
        {
            // The first build's progress: a live line on a terminal, a log line every few seconds otherwise.
            Progress = Cli.BuildProgress.ForServer(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<Cli.BuildProgress>>()),
        });
        services.AddSingleton<PublishedFileCache>();
        services.AddSingleton(provider => new FeedRenderer(
            provider.GetRequiredService<SiteOptions>(),
            provider.GetRequiredService<PublishOptions>(),
            provider.GetRequiredService<FeedsOptions>(),
            provider.GetRequiredService<ExcerptBuilder>()));
        services.AddSingleton(provider => new PageRenderer(
            provider.GetRequiredService<SiteOptions>(),
            provider.GetRequiredService<PublishOptions>(),
            provider.GetRequiredService<PagesOptions>()));

        services.AddSingleton<LivePublication>();
        services.AddSingleton<ServingMetrics>();
        services.AddSingleton<PublicationEndpoint>();
        services.AddSingleton<HealthEndpoint>();

        services.AddSingleton(provider => new RetryDelays(provider.GetRequiredService<ServeOptions>().WebSubFirstRetry, new Random()));
        services.AddHttpClient(WebSubPinger.ClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("CxFeed-WebSub/1.0"));
        services.AddSingleton<WebSubPinger>();
        services.AddHostedService(provider => provider.GetRequiredService<WebSubPinger>());
        if (content.Source == ContentOptions.WxrSourceName)
        {
            // Started before the rebuilder, like the poller below: the export is in the store before the first build.
            AddSettings<WxrOptions>(services);
            services.AddSingleton(provider => new WxrImport(
                provider.GetRequiredService<WxrOptions>(), new PostStore(content.StorePath), provider.GetRequiredService<SiteOptions>().TimeZoneInfo));
            services.AddSingleton<WxrImporter>();
            services.AddHostedService(provider => provider.GetRequiredService<WxrImporter>());
        }
        else if (content.Source == ContentOptions.CrawlSourceName)
        {
            // Started before the rebuilder, like the poller below: a first crawl fills the store before the first build.
            AddSettings<CrawlOptions>(services);
            services.AddSingleton(provider => new CrawlPull(
                new CrawlClient(provider.GetRequiredService<CrawlOptions>(), provider.GetRequiredService<PublishOptions>().BaseUri, provider.GetRequiredService<TimeProvider>()),
                new PostStore(content.StorePath),
                provider.GetRequiredService<CrawlOptions>(),
                new PostReader(provider.GetRequiredService<ContentOptions>(), provider.GetRequiredService<SiteOptions>()),
                provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<PollRequests>();
            services.AddSingleton<CrawlPoller>();
            services.AddHostedService(provider => provider.GetRequiredService<CrawlPoller>());
        }
        else if (content.UsesStore)
        {
            // Started before the rebuilder: on a first start the store is filled before the first build.
            AddSettings<WordPressOptions>(services);
            services.AddSingleton(provider => WordPressPull.Open(
                provider.GetRequiredService<WordPressOptions>(), new PostStore(content.StorePath), provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<PollRequests>();
            services.AddSingleton<WordPressPoller>();
            services.AddHostedService(provider => provider.GetRequiredService<WordPressPoller>());
        }
        services.AddHostedService<PublicationRebuilder>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ServeOptions>((options, serve) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = serve.RateLimitPermits, Window = serve.RateLimitWindow, QueueLimit = 0 }));
            options.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(serve.RateLimitWindow.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    private static void AddSettings<T>(IServiceCollection services) where T : class, ISettings, new() =>
        services.AddSingleton(provider => CommandLine.Settings<T>(provider.GetRequiredService<IConfiguration>()));
}
