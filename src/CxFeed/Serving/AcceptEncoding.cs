using System.Globalization;
using CxFeed.Core.Publishing;
using Microsoft.Extensions.Primitives;

namespace CxFeed.Serving;

/// <summary>
/// Chooses the representation to send from <c>Accept-Encoding</c> (RFC 9110 §12.5.3): the coding
/// with the highest q-value wins, br before gzip before identity at equal q; <c>*</c> gives its q
/// to the codings not named; <c>q=0</c> excludes. Identity, when the header does not name it (nor
/// <c>*</c>), stays acceptable but is preferred last. No header means identity (§12.5.3: a client
/// that says nothing gets the bytes as they are).
/// </summary>
public static class AcceptEncoding
{
    private const int Brotli = 0;
    private const int Gzip = 1;
    private const int Identity = 2;

    /// <summary>Ranks identity below any coding the client asked for, and above nothing.</summary>
    private const double ImplicitIdentity = 0.0001;

    /// <summary>The representation to send, or null when the client accepts none of them (406).</summary>
    public static Representation? Choose(StringValues header, PublishedFile file)
    {
        if (StringValues.IsNullOrEmpty(header))
            return file.Identity;
        Span<double> q = [-1, -1, -1];
        var star = -1.0;
        foreach (var value in header)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var element = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? [] : rest[(comma + 1)..];
                var semicolon = element.IndexOf(';');
                var coding = (semicolon < 0 ? element : element[..semicolon]).Trim();
                if (coding.IsEmpty)
                    continue;
                var weight = semicolon < 0 ? 1.0 : Weight(element[(semicolon + 1)..]);
                if (coding.Equals("*", StringComparison.Ordinal))
                    star = weight;
                else if (coding.Equals("br", StringComparison.OrdinalIgnoreCase))
                    q[Brotli] = weight;
                else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                    q[Gzip] = weight;
                else if (coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                    q[Identity] = weight;
            }
        }
        for (var i = 0; i < q.Length; i++)
        {
            if (q[i] < 0)
                q[i] = star >= 0 ? star : i == Identity ? ImplicitIdentity : 0;
        }
        var best = -1;
        for (var i = 0; i < q.Length; i++)
        {
            // Strictly greater: at equal q the earlier (smaller) representation wins.
            if (q[i] > 0 && (best < 0 || q[i] > q[best]))
                best = i;
        }
        return best switch
        {
            Brotli => file.Brotli,
            Gzip => file.Gzip,
            Identity => file.Identity,
            _ => null,
        };
    }

    /// <summary>The q parameter of one element (RFC 9110 §12.4.2); a malformed one counts as 0, as a client that cannot write it would not want it.</summary>
    private static double Weight(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length >= 2 && (parameter[0] is 'q' or 'Q') && parameter[1] == '=')
                return double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1 ? q : 0;
        }
        return 1;
    }
}
