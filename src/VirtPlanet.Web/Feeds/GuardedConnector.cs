using System.Net;
using System.Net.Sockets;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// The fetch handler's ConnectCallback: resolves the host itself and connects only to addresses the SSRF
/// guard allows. Checking here, at connect time, covers every redirect hop and DNS rebinding alike.
/// </summary>
public static class GuardedConnector
{
    public static async ValueTask<Stream> ConnectAsync(
        SocketsHttpConnectionContext context, bool allowPrivateAddresses, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = await ResolveAsync(host, cancellationToken);
        var allowed = allowPrivateAddresses ? addresses : addresses.Where(a => !AddressGuard.IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new FetchException(
                $"refused: {host} resolves to a private or loopback address ({addresses[0]}); " +
                "set Planet:Fetch:AllowPrivateAddresses to allow it");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new FetchException(last!.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => $"connection refused by {host}:{port}",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"{host}:{port} is unreachable",
            SocketError.TimedOut => $"connecting to {host}:{port} timed out",
            _ => $"could not connect to {host}:{port}: {last.Message}",
        }, last);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        // IPv6 literals may arrive bracketed, as in the URL.
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            return addresses.Length > 0 ? addresses : throw new FetchException($"DNS lookup failed for host {host}: no addresses");
        }
        catch (SocketException e)
        {
            throw new FetchException($"DNS lookup failed for host {host}", e);
        }
    }
}
