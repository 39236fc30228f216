namespace VirtPlanet.Web.Admin;

/// <summary>Where an enqueued poll is, in words for the admin; <see cref="IsFinished"/> stops the page asking.</summary>
public sealed record JobProgress(string State, bool IsFinished, bool Succeeded, string Message);
