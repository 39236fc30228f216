using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

/// <summary>Fetches one feed document with a conditional GET. Knows HTTP, not XML.</summary>
/// <remarks>FIRST CUT: to be replaced by the full polite client (SSRF guard, body cap, redirects).</remarks>
public sealed class FeedFetcher(HttpClient http, IOptions<FetchOptions> options)
{
    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        if (request.ETag is not null)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (request.LastModified is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        using var response = await http.SendAsync(message, timeout.Token);
        var status = (int)response.StatusCode;
        if (status == 304)
        {
            return new FetchResult { Status = FetchStatus.NotModified, HttpStatus = status };
        }

        if (!response.IsSuccessStatusCode)
        {
            return new FetchResult { Status = FetchStatus.Failed, HttpStatus = status, Error = $"HTTP {status}" };
        }

        return new FetchResult
        {
            Status = FetchStatus.Ok,
            HttpStatus = status,
            Body = await response.Content.ReadAsByteArrayAsync(timeout.Token),
            ContentType = response.Content.Headers.ContentType?.ToString(),
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R"),
        };
    }
}
