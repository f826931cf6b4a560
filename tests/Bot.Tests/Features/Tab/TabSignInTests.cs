using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Features.Tab;

/// <summary>
/// The tab's sign-in: a Teams SSO token is taken only when Entra issued it for the bot's own API, in the bot's tenant,
/// with the tab's scope, within its lifetime and signed by a key Entra publishes (here: a test key); the demo sign-in
/// exists in the test host and Development only.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TabSignInTests(AzuriteFixture azurite) : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Tenant = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private const string Host = "talkbot.test";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly RSA key = RSA.Create(2048);
    private readonly RSA otherKey = RSA.Create(2048);

    public void Dispose()
    {
        key.Dispose();
        otherKey.Dispose();
    }

    private BotUnderTest Sso() => new(azurite, Now, settings: new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "not-a-secret", ["MicrosoftAppTenantId"] = Tenant, ["Tab:Host"] = Host,
    })
    {
        Replace = services => services.AddSingleton<TabSigningKeys>(new TestKeys(new RsaSecurityKey(key) { KeyId = "test-key" })),
    };

    private string Token(string? audience = null, string tenant = Tenant, string scope = "access_as_user", string oid = "00000000-0000-0000-0000-00000000a001",
        DateTimeOffset? expires = null, RSA? signer = null)
    {
        var claims = new Dictionary<string, object> { ["tid"] = tenant, ["oid"] = oid, ["scp"] = scope, ["ver"] = "2.0" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
            Audience = audience ?? $"api://{Host}/{AppId}",
            Claims = claims,
            IssuedAt = Now.UtcDateTime.AddMinutes(-1),
            NotBefore = Now.UtcDateTime.AddMinutes(-1),
            Expires = (expires ?? Now.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signer ?? key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task<HttpResponseMessage> MeAsync(BotUnderTest bot, string? token)
    {
        using var client = bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/me");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task SsoToken_ForTheBotsApi_InItsTenant_SignsInThePersonItNames()
    {
        await using var bot = Sso();

        using var response = await MeAsync(bot, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("周纪办", me.RootElement.GetProperty("name").GetString());
        Assert.True(me.RootElement.GetProperty("office").GetBoolean());
    }

    [Fact]
    public async Task SsoToken_ForTheAppIdItself_IsAlsoTheBotsAudience()
    {
        await using var bot = Sso();

        using var response = await MeAsync(bot, Token(audience: AppId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("wrong-tenant")]
    [InlineData("no-scope")]
    [InlineData("expired")]
    [InlineData("other-key")]
    [InlineData("unknown-person")]
    [InlineData("none")]
    public async Task SsoToken_ThatIsNotTheBotsOwn_IsRefused(string flaw)
    {
        await using var bot = Sso();
        var token = flaw switch
        {
            "wrong-audience" => Token(audience: "api://elsewhere.test/99999999-2222-3333-4444-555555555555"),
            "wrong-tenant" => Token(tenant: "ffffffff-bbbb-cccc-dddd-eeeeeeeeeeee"),
            "no-scope" => Token(scope: "User.Read"),
            "expired" => Token(expires: Now.AddMinutes(-10)),
            "other-key" => Token(signer: otherKey),
            "unknown-person" => Token(oid: "00000000-0000-0000-0000-00000000ffff"),
            _ => null,
        };

        using var response = await MeAsync(bot, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DevSignIn_InTheTestHost_SignsInAsTheChosenPerson_AndWithoutTheSettingDoesNotExist()
    {
        await using var on = new BotUnderTest(azurite, Now, settings: new Dictionary<string, string> { ["Tab:DevSignIn"] = "true" });
        await using var off = new BotUnderTest(azurite, Now);
        using var client = on.CreateClient();
        using var offClient = off.CreateClient();

        using var signIn = await client.PostAsync($"/api/tab/dev-sign-in?person={Person.Cadre1.AadObjectId}", null);
        using var me = await client.GetAsync("/api/tab/me");
        using var offSignIn = await offClient.PostAsync($"/api/tab/dev-sign-in?person={Person.Cadre1.AadObjectId}", null);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("李干部", JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, offSignIn.StatusCode);
    }

    [Fact]
    public async Task Config_SaysWhetherTheDemoSignInIsHeld_SoThatThePageAsksWhoOnlyThen()
    {
        await using var bot = new BotUnderTest(azurite, Now, settings: new Dictionary<string, string> { ["Tab:DevSignIn"] = "true" });
        using var client = bot.CreateClient();
        async Task<bool> SignedInAsync() =>
            JsonDocument.Parse(await client.GetStringAsync("/api/tab/config")).RootElement.GetProperty("devSignedIn").GetBoolean();

        var before = await SignedInAsync();
        using var signIn = await client.PostAsync($"/api/tab/dev-sign-in?person={Person.Cadre1.AadObjectId}", null);
        var after = await SignedInAsync();
        using var signOut = await client.PostAsync("/api/tab/sign-out", null);

        Assert.False(before);
        Assert.True(after);
        Assert.False(await SignedInAsync());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DevSignIn_OutsideDevelopment_StopsTheBotAtStartUp(string environment)
    {
        await using var bot = new BotUnderTest(azurite, Now, settings: new Dictionary<string, string> { ["environment"] = environment, ["Tab:DevSignIn"] = "true" });

        var error = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("Tab:DevSignIn", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TabApis_WithoutSignIn_AreRefused()
    {
        await using var bot = new BotUnderTest(azurite, Now, settings: new Dictionary<string, string> { ["Tab:DevSignIn"] = "true" });
        using var client = bot.CreateClient();

        using var me = await client.GetAsync("/api/tab/me");
        using var ledger = await client.GetAsync("/api/tab/ledgers/talks");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ledger.StatusCode);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private sealed class TestKeys(SecurityKey key) : TabSigningKeys
    {
        public override Task<ICollection<SecurityKey>> GetAsync(CancellationToken cancellationToken) => Task.FromResult<ICollection<SecurityKey>>([key]);
    }
}
