namespace VirtPlanet.Web.Cli;

/// <summary>The command line was wrong: the message says how to call the verb.</summary>
public sealed class UsageException(string message) : Exception(message);
