using System.Diagnostics;
using Npgsql;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's postgresql, initdb + pg_ctl) on a free loopback port with trust
/// authentication, started once for the tests of the <see cref="PostgresCollection"/> and removed after them.
/// As root the server runs as the postgres user, which owns the cluster's folder.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private static readonly string Bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault()
        ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql (tests/run-all.sh does)");

    private readonly string folder = Path.Combine(Path.GetTempPath(), "virtplanet-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private int databases;

    public int Port { get; } = LoopbackPort.Free();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:postgres", folder);
        }

        await RunAsPostgresAsync(Path.Combine(Bin, "initdb"), "-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        await RunAsPostgresAsync(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "start", "-o",
            $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync(Path.Combine(Bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"planet_{Interlocked.Increment(ref databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Include Error Detail=true";


    private static Task RunAsPostgresAsync(string program, params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
