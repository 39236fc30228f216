using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VirtPlanet.Web;
using VirtPlanet.Web.Admin;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Admin;

/// <summary>
/// bUnit for the admin components over the real engine: an in-memory SQLite database with the planet's migrations
/// and the real fetch → parse → sanitize services, fetching from a loopback <see cref="Infrastructure.FeedServer"/>.
/// </summary>
public abstract class AdminComponentTest : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    protected AdminComponentTest()
    {
        // Real fetches on a shared two-core machine: more than bUnit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        connection.Open();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddOptions<PlanetOptions>();
        Services.AddOptions<PollingOptions>();
        Services.AddOptions<FetchOptions>().Configure(o => o.AllowPrivateAddresses = true);
        Services.AddDbContextFactory<PlanetDbContext>(o => o.UseSqlite(connection));
        Services.AddSingleton<WriteGate>();
        Services.AddSingleton<WriteQueue>();
        Services.AddFeedIngestion();
        Services.AddTransient<FeedDiscovery>();
        Services.AddTransient<FeedPreviewer>();
        Services.AddSingleton<AdminFeeds>();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        using var db = Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }

    protected Task<SubscribeResult> SubscribeAsync(string url, string title) =>
        Services.GetRequiredService<FeedSubscriptions>().AddAsync(new OpmlOutline(url, title, null));

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Before xUnit's Dispose: the planet's write queue is only disposed asynchronously, as the host does it.</summary>
    public new virtual async Task DisposeAsync() => await base.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            connection.Dispose();
        }
    }
}
