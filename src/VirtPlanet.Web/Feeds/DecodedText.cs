using System.Buffers;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// A feed's decoded text, in a buffer rented from <see cref="ArrayPool{T}.Shared"/> rather than in a string. A typical
/// feed's text is larger than 85,000 bytes as UTF-16, so as a string it went to the large-object heap once per fetched
/// feed, each one counting towards a full collection. Disposing it returns the buffer: nothing may use
/// <see cref="Span"/> or a reader from <see cref="CreateReader"/> after that.
/// </summary>
public sealed class DecodedText : IDisposable
{
    /// <summary>Longer texts (a huge feed) get an array of their own, which the pool would otherwise keep.</summary>
    private const int MaxPooledLength = 1024 * 1024;

    private char[]? buffer;

    private DecodedText(char[] buffer) => this.buffer = buffer;

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => Chars.AsSpan(0, Length);

    private char[] Chars => buffer ?? throw new ObjectDisposedException(nameof(DecodedText));

    /// <summary>
    /// Fills a buffer of <paramref name="capacity"/> characters with <paramref name="fill"/>, which returns how many it
    /// wrote; a failing fill returns the buffer before it throws.
    /// </summary>
    public static DecodedText Create(int capacity, Func<char[], int> fill)
    {
        var text = new DecodedText(capacity > MaxPooledLength ? new char[capacity] : ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            text.Length = fill(text.Chars);
            return text;
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>A reader over the text, for <see cref="System.Xml.XmlReader"/>: no string copy of it is made.</summary>
    public TextReader CreateReader() => new SpanReader(this);

    public void Dispose()
    {
        var chars = Interlocked.Exchange(ref buffer, null);
        if (chars is not null && chars.Length <= MaxPooledLength)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private sealed class SpanReader(DecodedText text) : TextReader
    {
        private int position;

        public override int Peek() => position < text.Length ? text.Span[position] : -1;

        public override int Read() => position < text.Length ? text.Span[position++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var count = Math.Min(buffer.Length, text.Length - position);
            text.Span.Slice(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override int ReadBlock(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int ReadBlock(Span<char> buffer) => Read(buffer);
    }
}
