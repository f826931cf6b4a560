using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Features.Directory;

public sealed class OrgFileTests : IDisposable
{
    private readonly string file = Path.GetTempFileName();

    public void Dispose() => File.Delete(file);

    [Fact]
    public async Task DemoOrganisation_Loads_AndCoversEveryRole()
    {
        var org = await OrgFile.LoadAsync(Path.Combine(RepoRoot.Path, "demo", "org.json"), default);

        var roles = org.ToPeople().SelectMany(p => p.Roles).ToHashSet();
        Assert.Equal(Enum.GetValues<TalkBot.Domain.People.Role>().ToHashSet(), roles);
    }

    [Fact]
    public async Task EveryPlaygroundUser_IsAPersonOfTheDemoOrganisation_WithTheSameName()
    {
        var org = await OrgFile.LoadAsync(Path.Combine(RepoRoot.Path, "demo", "org.json"), default);
        var names = org.People.ToDictionary(p => p.Id, p => p.DisplayName, StringComparer.OrdinalIgnoreCase);

        // .m365agentsplayground.yml: each person is a block whose "name:" precedes its "aadObjectId:".
        var users = new List<(string Name, string AadObjectId)>();
        string? name = null;
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(RepoRoot.Path, ".m365agentsplayground.yml")))
        {
            var text = line.Trim().TrimStart('-').Trim();
            if (text.StartsWith("name:", StringComparison.Ordinal))
            {
                name = text["name:".Length..].Trim();
            }
            else if (text.StartsWith("aadObjectId:", StringComparison.Ordinal) && name is not null)
            {
                users.Add((name, text["aadObjectId:".Length..].Trim()));
            }
        }

        Assert.Equal(6, users.Count); // the Playground wants currentUser plus exactly five users
        Assert.All(users, u => Assert.Equal(u.Name, names.GetValueOrDefault(u.AadObjectId)));
    }

    [Theory]
    [InlineData("""{"organisation":{"name":"x"},"units":[],"people":[{"id":"not-a-guid","displayName":"甲","rank":"Division","roles":[]}]}""", "not an Entra object id")]
    [InlineData("""{"organisation":{"name":"x"},"units":[],"people":[{"id":"3f1c2a10-5b6d-4e7f-8a90-1b2c3d4e5f01","displayName":"甲","unitId":"nowhere","rank":"Division"}]}""", "unknown unit nowhere")]
    [InlineData("""{"organisation":{"name":"x"},"units":[],"people":[{"id":"3f1c2a10-5b6d-4e7f-8a90-1b2c3d4e5f01","displayName":"甲","managerId":"3f1c2a10-5b6d-4e7f-8a90-1b2c3d4e5f99","rank":"Division"}]}""", "unknown manager")]
    [InlineData("""{"organisation":{"name":"x"},"units":[],"people":[{"id":"3f1c2a10-5b6d-4e7f-8a90-1b2c3d4e5f01","displayName":"甲","rank":"General"}]}""", "not a valid organisation file")]
    public async Task BadOrganisationFile_IsRefused_NamingTheProblem(string json, string expected)
    {
        await File.WriteAllTextAsync(file, json);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => OrgFile.LoadAsync(file, default));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
