using Microsoft.Net.Http.Headers;

namespace VirtPlanet.Web.Syndication;

/// <summary>One generated output, kept in memory until the planet's version moves on.</summary>
public sealed record SyndicationDocument(
    PlanetVersion Version, byte[] Body, string ContentType, EntityTagHeaderValue ETag, DateTimeOffset LastModified);
