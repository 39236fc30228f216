namespace VirtPlanet.Web;

/// <summary>A setting the planet cannot work with, e.g. a data folder it cannot create or write.</summary>
public sealed class PlanetConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
