using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Admin;

/// <summary>
/// The admin accounts: <c>Planet:Admin:Users</c> from configuration plus <c>admins.json</c> in the data folder,
/// which <c>set-admin-password</c> writes. The file is read when it changes, so a new password needs no restart.
/// </summary>
public sealed class AdminAccounts(IOptionsMonitor<AdminOptions> options, PlanetPaths paths)
{
    public const string FileName = "admins.json";

    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword("nobody", "not a password anyone has");
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lock gate = new();
    private (DateTime Written, long Length, Dictionary<string, string> Users) cached = (DateTime.MinValue, -1, []);

    public string FilePath => Path.Combine(paths.DataDirectory, FileName);

    public bool AnyConfigured => Users().Count > 0;

    /// <summary>True when the user exists and the password matches; as slow for an unknown user as for a known one.</summary>
    public bool Verify(string user, string password)
    {
        var known = Users().TryGetValue(user, out var hash);
        var result = Hasher.VerifyHashedPassword(user, hash ?? DummyHash, password);
        return known && result != PasswordVerificationResult.Failed;
    }

    /// <summary>A fingerprint of the user's current hash, kept in the cookie: changing the password signs every session out.</summary>
    public string? Stamp(string user) =>
        Users().TryGetValue(user, out var hash) ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hash)))[..16] : null;

    public async Task SetPasswordAsync(string user, string password, CancellationToken cancellationToken)
    {
        var users = new SortedDictionary<string, string>(ReadFile(), StringComparer.Ordinal) { [user] = Hasher.HashPassword(user, password) };
        var temporary = FilePath + ".tmp";
        await using (var stream = CreatePrivateFile(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, new AccountsFile(users), Indented, cancellationToken);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

    private IReadOnlyDictionary<string, string> Users()
    {
        var users = new Dictionary<string, string>(options.CurrentValue.Users, StringComparer.Ordinal);
        foreach (var (user, hash) in ReadFile())
        {
            users[user] = hash;
        }

        return users;
    }

    private Dictionary<string, string> ReadFile()
    {
        var file = new FileInfo(FilePath);
        lock (gate)
        {
            if (!file.Exists)
            {
                return [];
            }

            if (file.LastWriteTimeUtc != cached.Written || file.Length != cached.Length)
            {
                using var stream = file.OpenRead();
                var users = JsonSerializer.Deserialize<AccountsFile>(stream)?.Users ?? new Dictionary<string, string>();
                cached = (file.LastWriteTimeUtc, file.Length, new Dictionary<string, string>(users, StringComparer.Ordinal));
            }

            return cached.Users;
        }
    }

    /// <summary>Readable by the planet's own user only: the hashes are not secrets, but need not be handed out.</summary>
    private static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    private sealed record AccountsFile(IDictionary<string, string>? Users);
}
