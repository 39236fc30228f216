using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Admin;

/// <summary>An admin account configured the way a deployment does it (a hash in Planet:Admin:Users), and signing in over HTTP.</summary>
public static partial class AdminAccount
{
    public const string User = "alice";

    public const string Password = "correct horse battery staple";

    private static readonly string Hash = new PasswordHasher<string>().HashPassword(User, Password);

    /// <summary>The configuration entry a deployment writes for this account: its name and password hash.</summary>
    public static KeyValuePair<string, string?> Setting => new(UserSetting, Hash);

    /// <summary>The setting that makes <see cref="User"/> an admin, for hosts built some other way (a live planet).</summary>
    public static string UserSetting => $"Planet:Admin:Users:{User}";

    public static string PasswordHash => Hash;

    public static PlanetFactory Planet(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>([Setting]);
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return new PlanetFactory(settings);
    }

    public static HttpClient Client(PlanetFactory planet) =>
        planet.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Fetches the sign-in page for its antiforgery token (and cookie), then posts the form.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user = User, string password = Password)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/signin");
        return await client.PostAsync("/admin/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = TokenInput().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, $"{page} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
