using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Routing;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.People;
using Person = TalkBot.Domain.People.Person;

namespace TalkBot.Bot.Tests.Infrastructure.People;

/// <summary>Searching the directory held in memory for a person field, in a generated organisation of 10,000 people.</summary>
public sealed class PeopleSearchTests
{
    private static readonly GeneratedOrganisation Org = GeneratedOrganisation.Of(10_000);
    private static readonly PeopleLookup People = Org.Lookup();

    public static TheoryData<string> Fields() => new()
    {
        nameof(PersonScopes.Talkees), nameof(PersonScopes.Talkers), nameof(PersonScopes.Recorders), nameof(PersonScopes.LeadSubjects),
        nameof(PersonScopes.CaseSubjects), nameof(PersonScopes.ArchiveSubjects), nameof(PersonScopes.RoleHolders),
    };

    private static PersonScope Scope(string field, Person caller) => field switch
    {
        nameof(PersonScopes.Talkees) => PersonScopes.Talkees(caller),
        nameof(PersonScopes.Talkers) => PersonScopes.Talkers(caller),
        nameof(PersonScopes.Recorders) => PersonScopes.Recorders(caller),
        nameof(PersonScopes.LeadSubjects) => PersonScopes.LeadSubjects(caller),
        nameof(PersonScopes.CaseSubjects) => PersonScopes.CaseSubjects(caller),
        nameof(PersonScopes.ArchiveSubjects) => PersonScopes.ArchiveSubjects(caller),
        _ => PersonScopes.RoleHolders(caller),
    };

    // Everyone the search returns, page by page, as Teams would ask for them.
    private static List<Person> All(PersonScope scope, Person caller, string query, int top = SearchRequest.MaxTop)
    {
        var found = new List<Person>();
        for (var skip = 0; ; skip += top)
        {
            var page = People.Search(scope, caller, query, skip, top);
            found.AddRange(page);
            if (page.Count < top)
            {
                return found;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void ACadreWithoutRoles_FindsNobody_InAnyField_EvenByExactName(string field)
    {
        var scope = Scope(field, Org.Cadre);

        Assert.Empty(People.Search(scope, Org.Cadre, "", 0, SearchRequest.MaxTop));
        Assert.Empty(People.Search(scope, Org.Cadre, Org.OfficeHead.DisplayName, 0, SearchRequest.MaxTop));
        Assert.Empty(People.ShortList(scope, Org.Cadre, Locale.ZhCn, [Org.OfficeHead.Id.Value]));
    }

    [Fact]
    public void Talkees_OfTheOfficeHead_AreAllTheirNamesakes_ButNeverThemselves()
    {
        var found = All(PersonScopes.Talkees(Org.OfficeHead), Org.OfficeHead, Org.OfficeHead.DisplayName);

        var namesakes = Org.People.Where(p => p.DisplayName == Org.OfficeHead.DisplayName && p.Id != Org.OfficeHead.Id).ToList();
        Assert.True(namesakes.Count > 1);
        Assert.Equal(namesakes.Select(p => p.Id.Value).Order(), found.Select(p => p.Id.Value).Order());
    }

    [Fact]
    public void Recorders_AreTheRecordersAndTheDisciplineOffice_AndNobodyElse()
    {
        var found = All(PersonScopes.Recorders(Org.Secretary), Org.Secretary, "");

        var expected = Org.People.Where(p => p.HasAny(Role.Recorder, Role.DisciplineOffice)).Select(p => p.Id.Value).Order().ToList();
        Assert.Equal(expected, found.Select(p => p.Id.Value).Order());
        // 000 §四(一)4: the designated recorders (专人) come first.
        Assert.All(found.Take(found.Count(p => p.Has(Role.Recorder))), p => Assert.True(p.Has(Role.Recorder)));
    }

    [Fact]
    public void PeopleWhoLeft_AreNeverFound()
    {
        var left = Org.People[^1] with { Active = false };
        var people = new PeopleLookup([.. Org.People.Take(Org.People.Count - 1), left], Org.Units);

        var found = people.Search(PersonScopes.ArchiveSubjects(Org.OfficeHead), Org.OfficeHead, left.UserPrincipalName, 0, SearchRequest.MaxTop);

        Assert.Empty(found);
        Assert.Single(People.Search(PersonScopes.ArchiveSubjects(Org.OfficeHead), Org.OfficeHead, left.UserPrincipalName, 0, SearchRequest.MaxTop));
    }

    [Fact]
    public void Pages_FollowOnWithoutOverlap_AndKeepToTheirSize()
    {
        var scope = PersonScopes.Talkers(Org.OfficeHead);

        var first = People.Search(scope, Org.OfficeHead, "王", 0, 10);
        var second = People.Search(scope, Org.OfficeHead, "王", 10, 10);
        var both = People.Search(scope, Org.OfficeHead, "王", 0, 20);

        Assert.Equal(10, first.Count);
        Assert.Equal(10, second.Count);
        Assert.Equal(both, [.. first, .. second]);
        Assert.Empty(People.Search(scope, Org.OfficeHead, "王", Org.People.Count, 10));
    }

    [Fact]
    public void SignInName_IsFoundWhateverTheCase_AndComesFirst()
    {
        var someone = Org.People[4242];

        var found = People.Search(PersonScopes.ArchiveSubjects(Org.OfficeHead), Org.OfficeHead, someone.UserPrincipalName!.ToUpperInvariant(), 0, 15);

        Assert.Equal(someone.Id, found[0].Id);
    }

    [Fact]
    public void AUnitName_FindsThatUnitsPeople_InEitherLanguage()
    {
        var inBranch = Org.People.Where(p => p.UnitId == new UnitId("c3b2")).Select(p => p.Id.Value).Order().ToList();

        var zh = All(PersonScopes.ArchiveSubjects(Org.OfficeHead), Org.OfficeHead, "第3分局第2党支部");
        var en = All(PersonScopes.ArchiveSubjects(Org.OfficeHead), Org.OfficeHead, "committee 3 branch 2");

        Assert.Equal(inBranch, zh.Select(p => p.Id.Value).Order());
        // The unit's name comes first; then whoever matches each word somewhere ("Committee 13 Branch 2", a sign-in name with a 3).
        Assert.Equal(inBranch, en.Take(inBranch.Count).Select(p => p.Id.Value).Order());
        Assert.True(en.Count > inBranch.Count);
    }

    [Fact]
    public void APost_FindsThePeopleHoldingIt()
    {
        var found = All(PersonScopes.ArchiveSubjects(Org.OfficeHead), Org.OfficeHead, "党支部书记");

        Assert.Equal(Org.People.Count(p => p.JobTitle == "党支部书记"), found.Count);
    }

    [Fact]
    public void AmongNamesakes_TheCallersOwnUnitComesFirst()
    {
        var name = Org.People.First(p => p.UnitId == Org.OfficeHead.UnitId && p.Id != Org.OfficeHead.Id).DisplayName;

        var found = People.Search(PersonScopes.LeadSubjects(Org.OfficeHead), Org.OfficeHead, name, 0, 15);

        var sameUnit = Org.People.Count(p => p.DisplayName == name && p.UnitId == Org.OfficeHead.UnitId && p.Id != Org.OfficeHead.Id);
        Assert.True(found.Count > sameUnit);
        Assert.All(found.Take(sameUnit), p => Assert.Equal(Org.OfficeHead.UnitId, p.UnitId));
        Assert.NotEqual(Org.OfficeHead.UnitId, found[sameUnit].UnitId);
    }

    [Fact]
    public void TheNameItself_ComesBeforeNamesStartingWithIt_BeforeNamesContainingIt_BeforeOtherMatches()
    {
        var unit = new Unit(new UnitId("u"), "林华分局", "Lin Hua Branch", UnitLevel.Branch);
        Person P(string id, string name, string? post = null) =>
            new(new PersonId(id), name, unit.Id, post, Rank.SectionAndBelow, new HashSet<Role>(), null, UserPrincipalName: id + "@x.example");
        var caller = P("caller", "陈静") with { Roles = new HashSet<Role> { Role.DisciplineOffice } };
        var people = new PeopleLookup([caller, P("contains", "张林华"), P("other", "赵强"), P("prefix", "林华强"), P("exact", "林华"), P("post", "钱明", "林华专员")], [unit]);

        var found = people.Search(PersonScopes.LeadSubjects(caller), caller, "林华", 0, 15);

        Assert.Equal(["exact", "prefix", "contains", "other", "post"], found.Take(3).Select(p => p.Id.Value).Concat(found.Skip(3).Select(p => p.Id.Value).Order()));
    }

    [Fact]
    public void Results_NameUnitAndPost_InTheCallersLanguage()
    {
        var someone = Org.People[4242];
        Results(Locale.ZhCn, "第");
        Results(Locale.EnUs, "Committee");

        void Results(Locale locale, string unitWord)
        {
            var request = new SearchRequest(Org.OfficeHead, locale, someone.UserPrincipalName!, null, 0, 15);

            var result = Assert.Single(People.Results(PersonScopes.ArchiveSubjects(Org.OfficeHead), request));

            Assert.Equal(someone.Id.Value, result.Value);
            Assert.StartsWith($"{someone.DisplayName} · {unitWord}", result.Title, StringComparison.Ordinal);
            Assert.EndsWith($" · {someone.JobTitle}", result.Title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ShortList_PutsWhoIsChosenFirst_DropsWhomTheFieldDoesNotTake_AndStaysShort()
    {
        var chosen = new[] { Org.People[9000], Org.People[5000] };
        var scope = PersonScopes.Talkees(Org.OfficeHead);

        var list = People.ShortList(scope, Org.OfficeHead, Locale.ZhCn, [$"{chosen[0].Id.Value},{chosen[1].Id.Value}", Org.OfficeHead.Id.Value, "no-such-person"]);

        Assert.Equal(PersonInput.ShortListSize, list.Count);
        Assert.Equal(chosen.Select(p => p.Id), list.Take(2).Select(c => c.Id));
        Assert.DoesNotContain(list, c => c.Id == Org.OfficeHead.Id);
        Assert.Equal(list.Count, list.Select(c => c.Id).Distinct().Count());
    }
}
