using System.Security.Cryptography;
using System.Text;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>
/// An entry's content hash tells an unchanged post from a changed one at every poll, so it must not change between
/// versions of the planet: a new hash for the same entry would rewrite every stored post once after an upgrade.
/// </summary>
public sealed class PostWriterTests
{
    [Fact]
    public void AnEntrysContentHashIsTheOneEarlierVersionsStored()
    {
        var entry = new ParsedEntry
        {
            Key = "urn:qemu:2.10",
            Title = "QEMU 2.10 released – “Füße”",
            Link = "https://www.qemu.org/2017/08/30/qemu-2-10-0/",
            Author = "Thomas Huth",
            ContentHtml = "<p>We’d like to announce the availability of QEMU 2.10.</p>",
        };

        // SHA-256 of the five fields joined with U+001F (a missing summary as empty), in UTF-8: how it was first computed.
        Assert.Equal("01A99E2584950C4C04A8ED4E2F8A5485C18094346433C3CA37686DACB40A7140", PostWriter.Hash(entry));
    }

    public static TheoryData<string> AwkwardContents => new()
    {
        new string('é', 2047) + "😀 after a character that straddles the encoder's 4 KB chunks",
        "a lone high surrogate \uD83D here, and a lone low one \uDE00 there",
        new string('x', 100_000) + "ü",
        new string('ü', 600_000) + " over a megabyte of UTF-8, hashed from a buffer of its own",
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(AwkwardContents))]
    public void TheHashIsThatOfTheFieldsJoinedWhateverTheirLengthOrCharacters(string content)
    {
        var entry = new ParsedEntry { Key = "k", Title = "Titre", Link = null, Author = "Zoë", ContentHtml = content, SummaryHtml = "ß" };
        var joined = string.Join('\u001f', entry.Title, entry.Link, entry.Author, entry.ContentHtml, entry.SummaryHtml);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(joined))), PostWriter.Hash(entry));
    }

    [Fact]
    public void EntriesDifferingInAnyFieldOrInWhereTheirFieldsSplitGetDifferentHashes()
    {
        var entry = new ParsedEntry { Key = "k", Title = "Title", Link = "https://blog.example/1", Author = "Ann", ContentHtml = "<p>Text</p>", SummaryHtml = "Text" };
        ParsedEntry[] others =
        [
            entry with { Title = "Title!" }, entry with { Link = "https://blog.example/2" }, entry with { Author = "Bob" },
            entry with { ContentHtml = "<p>Text.</p>" }, entry with { SummaryHtml = null },
            entry with { Title = "TitleAnn", Author = string.Empty }, // the same characters, split between fields otherwise
            entry with { ContentHtml = new string('x', 10_000) }, // longer than one chunk of the encoder
        ];

        Assert.Equal(others.Length + 1, others.Select(PostWriter.Hash).Append(PostWriter.Hash(entry)).Distinct().Count());
    }
}
