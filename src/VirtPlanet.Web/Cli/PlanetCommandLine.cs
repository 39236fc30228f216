using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Cli;

/// <summary>The command-line verbs of the same binary, for cron users, scripts and benchmarks.</summary>
public static class PlanetCommandLine
{
    private static readonly Dictionary<string, Func<FeedCommands, CommandArguments, CancellationToken, Task<int>>> Verbs = new()
    {
        ["import-opml"] = (c, a, t) => c.ImportOpmlAsync(a.Positional(1), t),
        ["export-opml"] = (c, a, t) => c.ExportOpmlAsync(a.Positional(1), t),
        ["add-feed"] = (c, a, t) => c.AddFeedAsync(a.Positional(1), t),
        ["remove-feed"] = (c, a, t) => c.RemoveFeedAsync(a.Positional(1), t),
        ["list-feeds"] = (c, a, t) => c.ListFeedsAsync(t),
        ["poll-once"] = (c, a, t) => c.PollOnceAsync(a.Option("opml"), t),
    };

    private static readonly Dictionary<string, Func<DatabaseCommands, CommandArguments, CancellationToken, Task<int>>> DatabaseVerbs = new()
    {
        ["copy-to-postgres"] = (c, a, t) => c.CopyToPostgresAsync(a.Positional(1), t),
    };

    /// <summary>
    /// The host's arguments: a verb is a short run, so its configuration files are read once and not watched.
    /// Watching means an inotify watch on every folder under the content root, and by default the data folder
    /// sits there: each SQLite write of a poll woke the watcher (≈ 5 % of a cold poll's CPU, measured).
    /// </summary>
    public static string[] HostArguments(string[] args) =>
        IsCommand(args) ? [.. args, "--hostBuilder:reloadConfigOnChange=false"] : args;

    /// <summary>
    /// A verb is a process of a few seconds, so code the runtime generates to speed up later calls costs more to
    /// compile than it saves: the compiled resolver dependency injection emits for a service resolved twice, and the
    /// stub reflection emits for a method invoked twice (≈ 60-120 ms of JIT in a warm <c>poll-once</c> of 1,000 feeds,
    /// measured). Two of .NET's feature switches turn them off; they are read once, so this runs before the host is
    /// built. The server keeps both.
    /// </summary>
    public static void PrepareProcess(string[] args)
    {
        if (IsCommand(args))
        {
            AppContext.SetSwitch("Microsoft.Extensions.DependencyInjection.DisableDynamicEngine", true);
            AppContext.SetSwitch("Switch.System.Reflection.ForceInterpretedInvoke", true);
        }
    }

    public static bool IsCommand(string[] args) => args.Length > 0 && (Verbs.ContainsKey(args[0]) || AdminCommands.Verbs.ContainsKey(args[0]) || DatabaseVerbs.ContainsKey(args[0]));

    /// <summary>Runs the verb; 0 on success, 1 when the planet itself failed, 2 for a usage error.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextReader? input = null)
    {
        output ??= Console.Out;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        // Prepared on another thread while a feed verb reads what it needs from elsewhere: poll-once and import-opml
        // fetch their OPML meanwhile (on a new data folder the migrations take ≈ 0.25 s of one core, the fetch ≈ 0.08 s).
        var database = new PreparedDatabase(Task.Run(() => services.PrepareDatabaseAsync(seed: false, cancel.Token)));
        try
        {
            await using var scope = services.CreateAsyncScope();
            var arguments = new CommandArguments(args);
            if (DatabaseVerbs.TryGetValue(args[0], out var databaseVerb))
            {
                await database.Ready;
                return await databaseVerb(ActivatorUtilities.CreateInstance<DatabaseCommands>(scope.ServiceProvider, output), arguments, cancel.Token);
            }

            if (AdminCommands.Verbs.TryGetValue(args[0], out var adminVerb))
            {
                await database.Ready;
                var admin = ActivatorUtilities.CreateInstance<AdminCommands>(scope.ServiceProvider, output, input ?? Console.In);
                return await adminVerb(admin, arguments, cancel.Token);
            }

            var commands = ActivatorUtilities.CreateInstance<FeedCommands>(scope.ServiceProvider, output, database);
            return await Verbs[args[0]](commands, arguments, cancel.Token);
        }
        catch (UsageException e)
        {
            await output.WriteLineAsync($"{args[0]}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FeedParseException or Npgsql.NpgsqlException)
        {
            await output.WriteLineAsync($"{args[0]}: {e.Message}");
            return 1;
        }
        finally
        {
            await database.SettledAsync();
        }
    }
}
