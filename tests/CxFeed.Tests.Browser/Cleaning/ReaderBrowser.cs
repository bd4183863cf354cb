using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace CxFeed.Tests.Browser.Cleaning;

/// <summary>
/// One headless Chromium for all the tests, and a loopback HTTP server that shows a cleaned
/// item the way a feed reader does: inside its own page, both as served HTML and inserted with
/// innerHTML (as script-driven readers do). Instrumentation, installed before any page script,
/// records any dialog (alert, confirm, prompt, print), any call of the canary <c>xss()</c>,
/// any navigation to a URL that is not http(s) or mailto, and any request for another origin.
/// </summary>
public sealed class ReaderBrowser : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CXFEED_CHROMIUM") ?? "/usr/bin/chromium";

    private const string Instrumentation = """
        (() => {
          const signals = [];
          Object.defineProperty(window, '__signals', { value: signals });
          const report = (kind, detail) => signals.push(kind + ': ' + String(detail).slice(0, 200));
          for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            const trap = function (...args) { report(name, args.join(',')); return null; };
            window[name] = trap;
            Window.prototype[name] = trap;
          }
          window.xss = (detail) => report('canary', detail);
          const checkNavigation = (event) => {
            const link = event.target && event.target.closest ? event.target.closest('a[href], area[href]') : null;
            if (link && !/^(https?|mailto):/i.test(link.href)) report('navigation', link.href);
          };
          document.addEventListener('click', checkNavigation, true);
          document.addEventListener('submit', (event) => report('form submission', event.target.action), true);
        })();
        """;

    /// <summary>Fires every kind of event at every element, and lists what the rendered DOM should never hold.</summary>
    private const string Exercise = """
        async () => {
          const problems = [];
          const elements = Array.from(document.querySelectorAll('.item *'));
          const events = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'dblclick', 'contextmenu',
            'pointerover', 'pointerdown', 'pointerup', 'focus', 'focusin', 'blur', 'keydown', 'keyup', 'input', 'change',
            'wheel', 'copy', 'paste', 'toggle', 'load', 'error', 'animationstart', 'transitionend', 'beforetoggle', 'scroll'];
          for (const element of elements) {
            for (const attribute of Array.from(element.attributes)) {
              if (/^on/i.test(attribute.name) || attribute.name === 'style')
                problems.push('attribute ' + attribute.name + ' on <' + element.localName + '>');
              if (['href', 'src', 'cite', 'action', 'formaction', 'poster', 'data'].includes(attribute.name)
                  && !/^(https?|mailto):/i.test(attribute.value.trim()))
                problems.push('URL ' + attribute.name + '=' + attribute.value.slice(0, 80) + ' on <' + element.localName + '>');
            }
            if (['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form',
                 'input', 'button', 'textarea', 'select', 'template', 'noscript'].includes(element.localName))
              problems.push('element <' + element.localName + '>');
            if (typeof element.focus === 'function') element.focus();
            for (const type of events) element.dispatchEvent(new Event(type, { bubbles: true }));
            if (typeof element.click === 'function') element.click();
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
          return problems;
        }
        """;

    private readonly ConcurrentDictionary<string, string> _pages = new();
    private HttpListener? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string Origin { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            return;
        StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Close();
    }

    /// <summary>Shows <paramref name="cleanedHtml"/> as the item at <paramref name="path"/>, exercises it, and returns every signal of script, leak or bad navigation.</summary>
    public async Task<IReadOnlyList<string>> RenderAsync(string path, string cleanedHtml)
    {
        var url = Origin + path;
        _pages[path] = ReaderPage(cleanedHtml);
        var signals = new ConcurrentQueue<string>();
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = true });
        await context.AddInitScriptAsync(Instrumentation);
        await context.RouteAsync("**/*", async route =>
        {
            var request = route.Request;
            var sameOrigin = request.Url.StartsWith(Origin + "/", StringComparison.Ordinal);
            if (request.IsNavigationRequest && request.Url != url)
            {
                // A click on a kept link: the reader would open it; stay on the page.
                if (!request.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                    signals.Enqueue("navigation: " + request.Url);
                await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
            }
            else if (sameOrigin)
            {
                await route.ContinueAsync();
            }
            else
            {
                signals.Enqueue($"request to another origin ({request.ResourceType}): {request.Url}");
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            signals.Enqueue($"dialog {dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.Popup += (_, popup) => signals.Enqueue("popup: " + popup.Url);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 15_000 });
        foreach (var problem in await page.EvaluateAsync<string[]>(Exercise))
            signals.Enqueue("rendered " + problem);
        await HoverAndClickAsync(page);
        await page.WaitForTimeoutAsync(100);
        foreach (var signal in await page.EvaluateAsync<string[]>("() => Array.from(window.__signals)"))
            signals.Enqueue(signal);
        return [.. signals];
    }

    /// <summary>Moves the real mouse over and clicks every visible element of the item (hover styles, :hover handlers, real activation).</summary>
    private static async Task HoverAndClickAsync(IPage page)
    {
        var boxes = await page.EvaluateAsync<double[][]>("""
            () => Array.from(document.querySelectorAll('.item *')).slice(0, 200)
              .map((e) => e.getBoundingClientRect())
              .filter((r) => r.width > 0 && r.height > 0 && r.top < innerHeight && r.left < innerWidth)
              .map((r) => [r.left + Math.min(r.width, innerWidth - r.left) / 2, r.top + Math.min(r.height, innerHeight - r.top) / 2])
            """);
        foreach (var box in boxes)
        {
            await page.Mouse.MoveAsync((float)box[0], (float)box[1]);
            await page.Mouse.ClickAsync((float)box[0], (float)box[1]);
        }
    }

    /// <summary>A feed reader's item page: the reader's own frame around the item, once as served HTML and once inserted by script.</summary>
    private static string ReaderPage(string item) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Reader</title></head>
        <body>
        <header><h1>My feeds</h1><nav><a href="/">All items</a></nav></header>
        <article class="item served"><h2>Item</h2><div class="content">{{item}}</div></article>
        <article class="item inserted"><h2>Item (inserted)</h2><div class="content" id="inserted"></div></article>
        <script>document.getElementById('inserted').innerHTML = {{JsonSerializer.Serialize(item)}};</script>
        </body></html>
        """;

    private void StartServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var server = new HttpListener();
            server.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                server.Start();
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                continue;
            }
            _server = server;
            Origin = $"http://127.0.0.1:{port}";
            _ = Task.Run(ServeAsync);
            return;
        }
    }

    private async Task ServeAsync()
    {
        while (_server is { IsListening: true } server)
        {
            HttpListenerContext context;
            try
            {
                context = await server.GetContextAsync();
            }
            catch (Exception) when (!server.IsListening)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            var found = _pages.TryGetValue(path, out var page);
            var body = Encoding.UTF8.GetBytes(found ? page! : "not found");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = found ? "text/html; charset=utf-8" : "text/plain";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
