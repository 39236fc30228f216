using System.ComponentModel.DataAnnotations;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Admin;

/// <summary>Empty, or an absolute http(s) address: never <c>javascript:</c> or <c>data:</c>, which would end up in an href.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute()
        : base("Enter an absolute http:// or https:// address, or leave it empty.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || FeedSubscriptions.TryNormalise(text, out _, out _);
}
