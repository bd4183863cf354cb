using System.Net;

namespace CxFeed.Access;

/// <summary>
/// Who a request comes from, for rate limits and the audience counts: the connection's address, or,
/// on a connection from a loopback address (a proxy on this machine, deploy/nginx.conf), the
/// address the proxy puts in <see cref="AccessOptions.ClientAddressHeader"/>. A header from any
/// other connection is ignored: a client cannot choose its own address.
/// </summary>
public sealed class ClientAddress(AccessOptions options)
{
    private readonly string? _header = options.ClientAddressHeader;

    public string Of(HttpContext context) => AddressOf(context)?.ToString() ?? "";

    public IPAddress? AddressOf(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (_header is not null && (remote is null || IPAddress.IsLoopback(remote))
            && context.Request.Headers[_header].ToString() is { Length: > 0 and <= 64 } forwarded
            && IPAddress.TryParse(forwarded.Trim(), out var address))
            return address;
        return remote;
    }

    /// <summary>Whether the connection comes from this machine (a proxy in front), where headers a proxy sets can be believed.</summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
}
