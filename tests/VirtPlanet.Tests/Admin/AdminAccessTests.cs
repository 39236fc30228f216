using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Cli;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Admin;

public sealed class AdminAccessTests : IDisposable
{
    /// <summary>The only admin routes open to anonymous users; each must also say so with [AllowAnonymous].</summary>
    private static readonly HashSet<string> Anonymous = ["/admin/signin", "/admin/account/signin"];

    private readonly PlanetFactory planet = AdminAccount.Planet();

    public void Dispose() => planet.Dispose();

    [Fact]
    public async Task EveryAdminEndpointAndTheDashboardRefuseAnonymousRequests()
    {
        var client = AdminAccount.Client(planet);
        var endpoints = AdminEndpoints();
        Assert.Contains(endpoints, e => e.Path.StartsWith("/admin/jobs", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Path == "/admin/feeds");

        foreach (var (path, method, endpoint) in endpoints)
        {
            if (Anonymous.Contains(path))
            {
                Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            var response = await client.SendAsync(request);

            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/admin/signin");
            Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode} {response.Headers.Location} to an anonymous request");
        }
    }

    [Fact]
    public async Task TheDashboardAndApisAnswer401ToScriptsAndPagesRedirectBrowsersToSignIn()
    {
        var client = AdminAccount.Client(planet);

        var dashboard = await client.GetAsync("/admin/jobs");
        var export = await client.GetAsync("/admin/opml");
        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin/feeds");
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var feeds = await client.SendAsync(page);

        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, feeds.StatusCode);
        Assert.Equal("/admin/signin", feeds.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task SigningInWithTheRightPasswordOpensTheAdminAreaWithAStrictHttpOnlyCookie()
    {
        var client = AdminAccount.Client(planet);

        var response = await AdminAccount.SignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("VirtPlanet.Admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/feeds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/opml")).StatusCode);
    }

    [Fact]
    public async Task EveryAdminPageRendersForASignedInAdmin()
    {
        var client = AdminAccount.Client(planet);
        await AdminAccount.SignInAsync(client);
        var feed = await planet.Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline("https://kraxel.example/feed", "Gerd Hoffmann", null));

        foreach (var page in new[] { "/admin", "/admin/feeds?sort=failures&desc=true", "/admin/feeds/add", "/admin/import", $"/admin/feeds/{feed.Feed!.Id}" })
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            Assert.Contains("Sign out", await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("Gerd Hoffmann", await client.GetStringAsync("/admin/feeds"));
        Assert.Contains("xmlUrl=\"https://kraxel.example/feed\"", await client.GetStringAsync("/admin/opml"));
    }

    [Fact]
    public async Task SigningInWithAWrongPasswordFailsAndTheSixthAttemptInAMinuteIsRateLimited()
    {
        var client = AdminAccount.Client(planet);
        var attempts = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            attempts.Add(await AdminAccount.SignInAsync(client, password: "wrong password " + i));
        }

        Assert.All(attempts.Take(5), r => Assert.Equal("/admin/signin?failed=true", r.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.TooManyRequests, attempts[5].StatusCode);
        Assert.Contains("Too many sign-in attempts", await attempts[5].Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin/opml")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AdminAccount.SignInAsync(client)).StatusCode);
    }

    [Fact]
    public async Task BehindAProxyTheSignInLimitCountsEachClientAddressNotTheProxys()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, as docker-compose.yml sets it for the instances behind nginx.
        using var proxied = AdminAccount.Planet(new() { ["ForwardedHeaders_Enabled"] = "true" });
        var attacker = AdminAccount.Client(proxied);
        attacker.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var admin = AdminAccount.Client(proxied);
        admin.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.9");

        for (var i = 0; i < 5; i++)
        {
            await AdminAccount.SignInAsync(attacker, password: "wrong password " + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await AdminAccount.SignInAsync(attacker)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminAccount.SignInAsync(admin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/opml")).StatusCode);
    }

    [Fact]
    public async Task PagesWithAntiforgeryTokensAreNeverCompressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/signin");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        using var response = await AdminAccount.Client(planet).SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FormsWithoutAnAntiforgeryTokenAreRefused()
    {
        var client = AdminAccount.Client(planet);
        var signIn = await client.PostAsync("/admin/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = AdminAccount.User,
            ["password"] = AdminAccount.Password,
        }));
        await AdminAccount.SignInAsync(client);

        var signOut = await client.PostAsync("/admin/account/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("VirtPlanet.Admin=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/opml")).StatusCode);
    }

    [Fact]
    public async Task EveryFormOnEveryAdminPageCarriesAnAntiforgeryToken()
    {
        var client = AdminAccount.Client(planet);
        await AdminAccount.SignInAsync(client);
        var feed = await planet.Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline("https://kraxel.example/feed", "Gerd Hoffmann", null));
        var forms = new List<string>();

        foreach (var page in new[] { "/admin/signin", "/admin", "/admin/feeds", "/admin/feeds/add", "/admin/import", $"/admin/feeds/{feed.Feed!.Id}" })
        {
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync(page));
            foreach (var form in document.QuerySelectorAll("form"))
            {
                var name = $"{page} form.{form.ClassName ?? form.GetAttribute("action")}";
                Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"{name} has no antiforgery token");
                forms.Add(name);
            }
        }

        Assert.Contains("/admin/feeds/add form.add-feed", forms);
        Assert.Contains($"/admin/feeds/{feed.Feed.Id} form.edit-feed", forms);
        Assert.Contains("/admin/feeds form.sign-out", forms);
    }

    [Fact]
    public async Task SigningOutClosesTheAdminArea()
    {
        var client = AdminAccount.Client(planet);
        await AdminAccount.SignInAsync(client);
        var token = await AdminAccount.AntiforgeryTokenAsync(client, "/admin/feeds");

        var signOut = await client.PostAsync("/admin/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin/opml")).StatusCode);
    }

    [Fact]
    public async Task WithoutAnyAdminTheSignInPageSaysHowToCreateOneAndNothingOpens()
    {
        using var closed = new PlanetFactory();
        var client = AdminAccount.Client(closed);

        var page = await (await client.GetAsync("/admin/signin")).Content.ReadAsStringAsync();

        Assert.Contains("No admin account is configured", page);
        Assert.Contains("set-admin-password", page);
        Assert.DoesNotContain("type=\"password\"", page);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task SetAdminPasswordStoresOnlyAHashThatTheRunningPlanetAcceptsAtOnce()
    {
        var client = AdminAccount.Client(planet);
        var output = new StringWriter();

        var exit = await PlanetCommandLine.RunAsync(planet.Services, ["set-admin-password", "bob"], output, new StringReader("a new long password\n"));
        var signIn = await AdminAccount.SignInAsync(client, "bob", "a new long password");

        Assert.Equal(0, exit);
        var file = await File.ReadAllTextAsync(Path.Combine(planet.DataDirectory, "admins.json"));
        Assert.Contains("\"bob\"", file);
        Assert.DoesNotContain("a new long password", file);
        Assert.Equal("/admin", signIn.Headers.Location?.OriginalString);
    }

    private List<(string Path, string Method, Endpoint Endpoint)> AdminEndpoints()
    {
        AdminAccount.Client(planet);
        return planet.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText?.TrimStart('/'), Endpoint: e))
            .Where(e => e.Pattern == "/admin" || e.Pattern.StartsWith("/admin/", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (SamplePath(e.Pattern), method, (Endpoint)e.Endpoint)))
            .ToList();
    }

    /// <summary>A concrete address for a route pattern: 1 for each parameter, nothing for a catch-all.</summary>
    private static string SamplePath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(pattern, @"/\{\*\*?[^}]+\}", string.Empty), @"\{[^}]+\}", "1");
}
