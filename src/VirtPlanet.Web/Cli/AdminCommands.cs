using VirtPlanet.Web.Admin;

namespace VirtPlanet.Web.Cli;

/// <summary>
/// <c>set-admin-password USER</c>: hashes a password into <c>admins.json</c> in the data folder. The password comes
/// from <see cref="PasswordVariable"/> when set (scripts), else from standard input: typed twice, unechoed, at a
/// terminal; the first line when piped. Never from the command line, where <c>ps</c> and shell history would keep it.
/// </summary>
public sealed class AdminCommands(TextWriter output, TextReader input, AdminAccounts accounts)
{
    public const string PasswordVariable = "VIRTPLANET_ADMIN_PASSWORD";

    public const int MinimumPasswordLength = 10;

    public static readonly IReadOnlyDictionary<string, Func<AdminCommands, CommandArguments, CancellationToken, Task<int>>> Verbs =
        new Dictionary<string, Func<AdminCommands, CommandArguments, CancellationToken, Task<int>>>
        {
            ["set-admin-password"] = (c, a, t) => c.SetPasswordAsync(a.Positional(1), t),
        };

    public async Task<int> SetPasswordAsync(string? user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(user) || user.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new UsageException($"usage: set-admin-password USER (the password from ${PasswordVariable} or standard input)");
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? await ReadPasswordAsync(user);
        if (password is null || password.Length < MinimumPasswordLength)
        {
            throw new UsageException($"the password must have at least {MinimumPasswordLength} characters");
        }

        await accounts.SetPasswordAsync(user, password, cancellationToken);
        await output.WriteLineAsync($"Password of admin '{user}' saved to {accounts.FilePath}; sign in at /admin/signin.");
        return 0;
    }

    private async Task<string?> ReadPasswordAsync(string user)
    {
        if (input != Console.In || Console.IsInputRedirected)
        {
            return await input.ReadLineAsync();
        }

        var first = Prompt($"New password for {user}: ");
        var second = Prompt("Again: ");
        return first == second ? first : throw new UsageException("the two passwords differ");
    }

    private string Prompt(string question)
    {
        output.Write(question);
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        output.WriteLine();
        return typed.ToString();
    }
}
