using System.Globalization;
using System.Security.Authentication;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Fetches one feed document politely: conditional GET, redirects followed by hand (so their permanence is known),
/// a total timeout and a body cap. Knows HTTP, not XML. A failure is a result, never an exception.
/// </summary>
public sealed class FeedFetcher(HttpClient http, IOptions<FetchOptions> options, TimeProvider time, ILogger<FeedFetcher> logger)
{
    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var result = await FetchWithinTimeoutAsync(request, cancellationToken);
        var elapsedMs = (long)time.GetElapsedTime(started).TotalMilliseconds;
        if (result.Error is null)
        {
            logger.LogDebug("Fetched {FeedUrl}: {FetchStatus} (HTTP {HttpStatus}) in {ElapsedMs} ms", request.Url, result.Status, result.HttpStatus, elapsedMs);
        }
        else
        {
            logger.LogDebug(
                "Fetched {FeedUrl}: {FetchStatus} (HTTP {HttpStatus}) in {ElapsedMs} ms: {FetchError}", request.Url, result.Status, result.HttpStatus, elapsedMs, result.Error);
        }
        return result;
    }

    private async Task<FetchResult> FetchWithinTimeoutAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var deadline = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await FollowRedirectsAsync(request, settings, linked.Token);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && e is OperationCanceledException or IOException or HttpRequestException)
        {
            return Failed($"timed out after {Seconds(settings.Timeout)} s");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not our deadline nor the caller: the handler's ConnectTimeout.
            return Failed($"connecting to {request.Url.Host} timed out after {Seconds(settings.ConnectTimeout)} s");
        }
        catch (HttpRequestException e)
        {
            return Failed(Describe(e));
        }
        catch (InvalidDataException e)
        {
            return Failed($"the body could not be decompressed: {e.Message}");
        }
        catch (IOException e)
        {
            return Failed($"the connection broke while reading the body: {e.Message}");
        }
    }

    private async Task<FetchResult> FollowRedirectsAsync(FetchRequest request, FetchOptions settings, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var visited = new HashSet<Uri> { url };
        var everyHopPermanent = true;
        for (var redirects = 0; ; redirects++)
        {
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            {
                return Failed($"refused {url}: only http and https URLs are fetched");
            }

            using var response = await SendAsync(url, request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308))
            {
                var result = await FetchResultReader.ReadAsync(response, settings.MaxBodyBytes, time.GetUtcNow(), cancellationToken);
                return result with { FinalUrl = url, PermanentUrl = redirects > 0 && everyHopPermanent ? url : null };
            }

            if (response.Headers.Location is not { } location)
            {
                return Failed($"HTTP {status} redirect from {url} without a usable Location header", status);
            }

            var next = new Uri(url, location);
            if (redirects == settings.MaxRedirects)
            {
                return Failed($"too many redirects (more than {settings.MaxRedirects}), the last to {next}", status);
            }

            if (!visited.Add(next))
            {
                return Failed($"redirect loop: {url} redirects back to {next}", status);
            }

            logger.LogDebug("Redirected {FeedUrl} to {RedirectUrl} (HTTP {HttpStatus})", url, next, status);
            everyHopPermanent &= status is 301 or 308;
            url = next;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, FetchRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        if (request.ETag is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (request.LastModified is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        // Headers only: the body is streamed against the cap by FetchResultReader.
        return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static string Describe(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case FetchException fetch:
                    return fetch.Message;
                case AuthenticationException tls:
                    return $"TLS error: {tls.Message}";
            }
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "DNS lookup failed: " + e.Message,
            HttpRequestError.SecureConnectionError => "TLS error: " + e.Message,
            HttpRequestError.ResponseEnded => "the server closed the connection without a complete answer",
            HttpRequestError.InvalidResponse => "invalid HTTP response: " + e.Message,
            _ => e.Message,
        };
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private static FetchResult Failed(string error, int? httpStatus = null) =>
        new() { Status = FetchStatus.Failed, Error = error, HttpStatus = httpStatus };
}
