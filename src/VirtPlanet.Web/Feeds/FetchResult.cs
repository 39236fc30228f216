namespace VirtPlanet.Web.Feeds;

/// <summary>The outcome of one conditional GET. A failure is data: <see cref="Error"/> says what went wrong.</summary>
public sealed record FetchResult
{
    public required FetchStatus Status { get; init; }

    /// <summary>The decompressed body of a 200.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header, charset included, for the parser's charset detection.</summary>
    public string? ContentType { get; init; }

    /// <summary>Where the body came from after redirects.</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>Set when every redirect followed was permanent (301/308): the feed's new address.</summary>
    public Uri? PermanentUrl { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Cache-Control max-age of the response.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Retry-After of a 429/503 (or any response that sent it).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>Human-readable reason of a failure, e.g. "HTTP 500 Internal Server Error" or "timed out after 30 s".</summary>
    public string? Error { get; init; }
}
