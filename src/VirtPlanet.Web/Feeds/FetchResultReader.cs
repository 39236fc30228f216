using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;

namespace VirtPlanet.Web.Feeds;

/// <summary>Turns the last response of a fetch (no redirects left) into a <see cref="FetchResult"/>, reading a capped body.</summary>
public static class FetchResultReader
{
    private const int BufferSize = 16 * 1024;

    public static async Task<FetchResult> ReadAsync(
        HttpResponseMessage response, long maxBodyBytes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var result = new FetchResult
        {
            Status = FetchStatus.Failed,
            HttpStatus = status,
            // Validators go back verbatim on the next request, so they are stored as the server wrote them.
            ETag = Verbatim(response.Headers, "ETag"),
            LastModified = Verbatim(response.Content.Headers, "Last-Modified"),
            MaxAge = response.Headers.CacheControl?.MaxAge,
            RetryAfter = RetryAfter(response.Headers.RetryAfter, now),
        };

        return status switch
        {
            304 => result with { Status = FetchStatus.NotModified },
            410 => result with { Status = FetchStatus.Gone, Error = "HTTP 410 Gone: the site says the feed was removed for good" },
            >= 200 and < 300 => await ReadBodyAsync(response.Content, result, maxBodyBytes, cancellationToken),
            _ => result with { Error = $"HTTP {status} {Reason(response)}".TrimEnd() },
        };
    }

    /// <summary>"8 MiB", "64 KiB" or "1000 bytes": how error messages state the body cap.</summary>
    public static string Size(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        _ when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };

    private static async Task<FetchResult> ReadBodyAsync(HttpContent content, FetchResult result, long maxBodyBytes, CancellationToken cancellationToken)
    {
        var tooLarge = result with { Error = $"the feed is larger than {Size(maxBodyBytes)}" };
        var declared = content.Headers.ContentLength;
        if (declared > maxBodyBytes)
        {
            return tooLarge;
        }

        // Counted after decompression, while streaming: a small gzip body that inflates to gigabytes stops at the cap.
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream((int)(declared ?? 0));
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBodyBytes)
            {
                return tooLarge;
            }

            body.Write(buffer, 0, read);
        }

        return result with
        {
            Status = FetchStatus.Ok,
            // Sized from Content-Length, the stream's own buffer is usually exactly the body: no copy then.
            Body = body.Length == body.Capacity ? body.GetBuffer() : body.ToArray(),
            ContentType = content.Headers.ContentType?.ToString(),
        };
    }

    private static string? Verbatim(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var delay = header?.Delta ?? (header?.Date - now);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static string Reason(HttpResponseMessage response)
    {
        var standard = ReasonPhrases.GetReasonPhrase((int)response.StatusCode);
        return standard.Length > 0 ? standard : response.ReasonPhrase ?? string.Empty;
    }
}
