using AngleSharp.Html.Parser;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Parses untrusted HTML against a <see cref="CleaningBudget"/>: a parser made with <see cref="WithClock"/> checks the
/// budget of the parse running on its thread every 1,024 tokens (AngleSharp's <c>OnToken</c>), and <see cref="Run"/>
/// gives that parse its budget. AngleSharp's tree building is quadratic in the elements open at once, so without a
/// clock a few hundred kilobytes of unclosed tags take minutes (docs/sanitizer.md).
/// </summary>
public static class TimedHtml
{
    [ThreadStatic]
    private static CleaningBudget? budget;

    [ThreadStatic]
    private static int tokens;

    public static HtmlParserOptions WithClock(HtmlParserOptions options) => options with { OnToken = CheckClock };

    /// <exception cref="CleaningTimeoutException">The parse outlasted <paramref name="limit"/>.</exception>
    public static T Run<T>(CleaningBudget limit, Func<T> parse)
    {
        budget = limit;
        tokens = 0;
        try
        {
            return parse();
        }
        finally
        {
            budget = null;
        }
    }

    private static void CheckClock(AngleSharp.Html.Parser.Tokens.HtmlToken token, AngleSharp.Text.TextRange range)
    {
        if ((++tokens & 1023) == 0)
        {
            budget?.ThrowIfSpent();
        }
    }
}
