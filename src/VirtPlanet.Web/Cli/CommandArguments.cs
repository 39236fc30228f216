namespace VirtPlanet.Web.Cli;

/// <summary>
/// A verb's own arguments. Configuration switches (<c>--Planet:DataDirectory=...</c>) belong to the host and
/// are skipped; <c>--name value</c> and <c>--name=value</c> are options, the rest positional.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> positional = [];

    public CommandArguments(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=');
            var (name, value) = equals > 0 ? (arg[2..equals], arg[(equals + 1)..]) : (arg[2..], e.MoveNext() ? e.Current : string.Empty);
            options[name] = value;
        }
    }

    public string? Positional(int index) => index < positional.Count ? positional[index] : null;

    public string? Option(string name) => options.GetValueOrDefault(name);
}
