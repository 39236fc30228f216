namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// The XSS vector list (TestData/Xss/vectors.txt). Every vector, if it ever ran, sets <c>window.__xss</c> or loads
/// something from the canary server, so a real browser can tell.
/// </summary>
public static class XssVectors
{
    /// <summary>What a planted script sets; the browser tests look for it.</summary>
    public const string Marker = "__xss";

    /// <summary>Link targets that must never become a clickable link: an entry's or a feed's link is one of these.</summary>
    public static readonly string[] ScriptLinks =
    [
        "javascript:window.__xss=1",
        "JaVaScRiPt:window.__xss=1",
        " \tjavascript:window.__xss=1",
        "java&#x09;script:window.__xss=1",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==",
    ];

    /// <summary>The vectors, with <c>{canary}</c> replaced by the canary server's address.</summary>
    public static IReadOnlyList<string> Load(Uri canary) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Xss", "vectors.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Replace("{canary}", canary.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal))
            .ToList();
}
