using System.Text;
using System.Xml;

using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Syndication;

/// <summary>
/// How every XML output is written: UTF-8 without BOM, and <see cref="XmlWriterSettings.CheckCharacters"/> on, so a
/// character XML cannot carry fails the write instead of reaching a reader. Text goes through <see cref="Feeds.XmlChars.ForOutput"/> first.
/// </summary>
public static class SyndicationXml
{
    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CheckCharacters = true,
        Indent = true,
    });

    public static void WriteText(this XmlWriter writer, string localName, string ns, string? text)
    {
        if (text is not null)
        {
            writer.WriteElementString(localName, ns, XmlChars.ForOutput(text));
        }
    }

    public static void WriteLink(this XmlWriter writer, string ns, string rel, string? href, string? type = null)
    {
        if (href is null)
        {
            return;
        }

        writer.WriteStartElement("link", ns);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", XmlChars.ForOutput(href));
        if (type is not null)
        {
            writer.WriteAttributeString("type", type);
        }

        writer.WriteEndElement();
    }
}
