using Bunit;
using VirtPlanet.Web.Components.Shared;
using static VirtPlanet.Tests.Components.RiverSamples;

namespace VirtPlanet.Tests.Components;

public sealed class PostArticleTests : BunitContext
{
    [Fact]
    public void FooterNamesTheAuthorAndLinksTheLocalTimeToThePermalink()
    {
        var post = Post(7, Qemu, "Deprecation of old parameters and features", "2017-08-10T08:45:00Z", "Thomas Huth", zone: "Europe/Berlin");

        var article = Render<PostArticle>(p => p.Add(a => a.Post, post));

        article.Find(".post-footer").MarkupMatches(
            """
            <p class="post-footer">by <a class="author" href="/authors/thomas-huth">Thomas Huth</a> at
              <a class="permalink" href="https://example.org/7"><time datetime="2017-08-10T10:45:00+02:00">August 10, 2017 10:45 AM</time></a>
            </p>
            """);
    }

    [Fact]
    public void ContentIsRenderedAsMarkupUnderATitleLinkedToTheOriginal()
    {
        var post = Post(8, Cornelia, "Channel I/O, demystified", "2017-08-08T18:04:00Z", "Cornelia Huck", "<p>As promised, <em>I will</em> write.</p>");

        var article = Render<PostArticle>(p => p.Add(a => a.Post, post));

        article.Find(".post-title").MarkupMatches("""<h4 class="post-title"><a href="https://example.org/8">Channel I/O, demystified</a></h4>""");
        article.Find(".post-content").MarkupMatches("""<div class="post-content"><p>As promised, <em>I will</em> write.</p></div>""");
    }

    [Fact]
    public void TitleOnlyPostSaysSoAndLeadsToTheOriginal()
    {
        var post = Post(9, Nathan, "3D Acceleration using VirtIO", "2017-08-27T15:37:00Z", content: null);

        var article = Render<PostArticle>(p => p.Add(a => a.Post, post));

        Assert.Contains("title-only", article.Find("article").ClassList);
        Assert.Empty(article.FindAll(".post-content"));
        article.Find(".post-more").MarkupMatches(
            """<p class="post-more">The feed carries only this title: <a href="https://example.org/9">read the post on Nathan Gauër's site</a>.</p>""");
        article.Find(".post-footer").MarkupMatches(
            """<p class="post-footer"><a class="permalink" href="https://example.org/9"><time datetime="2017-08-27T15:37:00+00:00">August 27, 2017 03:37 PM</time></a></p>""");
    }
}
