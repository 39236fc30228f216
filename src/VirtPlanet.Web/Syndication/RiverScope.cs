namespace VirtPlanet.Web.Syndication;

/// <summary>Which posts an output carries: the whole planet, one feed's, or one author's.</summary>
public enum RiverScope
{
    Planet,
    Feed,
    Author,
}
